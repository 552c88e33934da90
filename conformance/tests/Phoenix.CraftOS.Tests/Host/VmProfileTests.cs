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

    /// <summary>As on CC: Tweaked, an explicit nil environment is the global one (Phoenix's kernel loadfile passes its
    /// optional env on; stock Lua 5.4 would give the chunk a nil _ENV).</summary>
    [Test]
    public void Load_WithAnExplicitNilEnvironment_GetsTheGlobalOne()
    {
        using var run = new KernelRun("""
            marker = "global"
            local env = { marker = "own" }
            report(load("return marker", "=c", "t", nil)(), load("return marker", "=c", nil, nil)(), load("return marker", "=c", "t", env)())
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "global", "global", "own" }));
    }

    /// <summary>The real-time epoch moves while the kernel runs, one millisecond per 331 reads, so code that waits for
    /// it to change in a loop (ccryptolib's timing seed) finishes, the same way every run; os.clock and timers keep the
    /// virtual clock.</summary>
    [Test]
    public void Epoch_MovesWithReads_WhileTheKernelRuns()
    {
        using var run = new KernelRun("""
            local first, clock = os.epoch("utc"), os.clock()
            local reads = 0
            repeat reads = reads + 1 until os.epoch("utc") ~= first
            report(reads, os.clock() == clock)
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 330L, true }));
    }
}
