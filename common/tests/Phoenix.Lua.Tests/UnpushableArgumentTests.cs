using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// An argument that cannot cross into Lua (an opaque value, a table with a NaN key) fails the C# call with an
/// ArgumentException and leaves nothing behind. Before the fix the arguments pushed before the bad one stayed on the
/// Lua stack: on a coroutine they shifted the next resume (a fresh coroutine then tried to call the leftover value).
/// </summary>
public class UnpushableArgumentTests
{
    private static IEnumerable<TestCaseData> Unpushable()
    {
        // Opaque values are type names only; there is nothing to push.
        yield return new TestCaseData(new LuaOpaque("function")).SetArgDisplayNames("opaque function");
        // Lua refuses NaN as a table key.
        yield return new TestCaseData(new LuaTable(null, [new(double.NaN, 1L)])).SetArgDisplayNames("NaN key");
        // Nil is not a key either.
        yield return new TestCaseData(new LuaTable(null, [new(LuaValue.Nil, 1L)])).SetArgDisplayNames("nil key");
    }

    [TestCaseSource(nameof(Unpushable))]
    public void Resume_WithUnpushableArgument_ThrowsAndNextResumeIsClean(LuaValue bad)
    {
        using var host = new EngineHost();
        using var body = host.Engine.Load("return select('#', ...), ...", "=co", host.Env);
        using var co = host.Engine.CreateCoroutine(body);

        Assert.Throws<ArgumentException>(() => co.Resume(1L, bad));
        var step = co.Resume(5L);

        Assert.That(step.Status, Is.EqualTo(CoroutineStatus.Finished));
        Assert.That(step.Values, Is.EqualTo(new LuaValue[] { 1L, 5L }));
    }

    [TestCaseSource(nameof(Unpushable))]
    public void Call_WithUnpushableArgument_ThrowsAndEngineStaysUsable(LuaValue bad)
    {
        using var host = new EngineHost();
        using var echo = host.Engine.Load("return select('#', ...), ...", "=echo", host.Env);

        Assert.Throws<ArgumentException>(() => host.Engine.Call(echo, 1L, bad));

        Assert.That(host.Engine.Call(echo, 5L), Is.EqualTo(new LuaValue[] { 1L, 5L }));
    }
}
