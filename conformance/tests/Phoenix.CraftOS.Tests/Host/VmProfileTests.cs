using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>The VM differences old kernels probe: debug.getfenv/setfenv always (Lua 5.1-era CC VMs have them), and
/// string.dump plus binary chunks only with the unsafe <see cref="ComputerOptions.TrustedBinaryChunks"/>.</summary>
public class VmProfileTests
{
    [Test]
    public void DebugFenv_ReadsAndReplacesAFunctionsEnvironment()
    {
        using var run = new KernelRun("""
            local env = { x = "from env" }
            local function g() return x end
            x = "global"
            local before = debug.getfenv(g) == _G
            report(before, debug.setfenv(g, env) == g, debug.getfenv(g) == env, g(), debug.getfenv(pairs), debug.getfenv(42))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { true, true, true, "from env", LuaValue.Nil, LuaValue.Nil }));
    }

    [Test]
    public void ByDefault_NoStringDump_AndDumpedChunksAreRefused()
    {
        byte[] dumped;
        using (var trusted = new KernelRun("""report(string.dump(function() return 42 end))""", new ComputerOptions { TrustedBinaryChunks = true }))
        {
            dumped = ((LuaString)trusted.Values[0]).Bytes.ToArray();
        }
        var literal = string.Concat(dumped.Select(b => $"\\{b}"));
        using var run = new KernelRun($"""
            local fn, err = load("{literal}", "=dumped", "b")
            report(string.dump, fn, err)
            """);
        Assert.Multiple(() =>
        {
            Assert.That(run.Values[0], Is.EqualTo(LuaValue.Nil), "string.dump is off by default");
            Assert.That(run.Values[1], Is.EqualTo(LuaValue.Nil), "a dumped chunk does not load");
            Assert.That(((LuaString)run.Values[2]).Text, Does.Contain("binary chunk"));
        });
    }

    [Test]
    public void Trusted_DumpsAndLoadsBinaryChunks()
    {
        using var run = new KernelRun("""report(load(string.dump(function() return 42 end))())""", new ComputerOptions { TrustedBinaryChunks = true });
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 42L }));
    }
}
