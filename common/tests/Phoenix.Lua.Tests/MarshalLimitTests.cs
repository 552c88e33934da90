namespace Phoenix.Lua.Tests;

/// <summary>
/// A value's copy into the host is bounded in entries and in string bytes: Lua shares strings and subtables, so a
/// small state can describe a value whose copy would not fit in any host.
/// </summary>
public class MarshalLimitTests
{
    private static Exception? Return(string source)
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load(source, "=value", env);
        try
        {
            engine.Call(chunk);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Test]
    public void OneLargeStringSharedByManyKeys_FailsBeforeCopying()
    {
        // 200 references to 64 MiB: 12.8 GB as copies, 64 MiB in Lua.
        var failure = Return("local s = string.rep('x', 64 * 1024 * 1024) local t = {} for i = 1, 200 do t[i] = s end return t");
        Assert.That(failure, Is.TypeOf<LuaScriptException>());
        Assert.That(failure!.Message, Does.Contain("value too large to cross into the host: more than 256 MiB of strings"));
    }

    [Test]
    public void SharedSubtables_FailOnEntries()
    {
        var failure = Return("local t = {1, 2} for i = 1, 40 do t = {t, t} end return t");
        Assert.That(failure, Is.TypeOf<LuaScriptException>());
        Assert.That(failure!.Message, Does.Contain("more than 100000 table entries"));
    }

    [Test]
    public void A16MiBString_Crosses()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("return string.rep('ab', 8 * 1024 * 1024)", "=value", env);
        var result = engine.Call(chunk);
        Assert.That(((Phoenix.Values.LuaString)result[0]).Bytes.Length, Is.EqualTo(16 * 1024 * 1024));
    }

    [Test]
    public void EngineGoesOn_AfterATooLargeValue()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var big = engine.Load("local s = string.rep('x', 64 * 1024 * 1024) return {s, s, s, s, s}", "=big", env);
        Assert.Throws<LuaScriptException>(() => engine.Call(big));
        using var small = engine.Load("return 1 + 1", "=small", env);
        Assert.That(engine.Call(small), Has.Count.EqualTo(1));
    }
}
