using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Limits;

/// <summary>
/// Hostile user programs and modules against the kernel's limits: each ends as a failed result, never an exception
/// out of the C# API, and the kernel serves the next call.
/// </summary>
public class HostileProgramTests
{
    private static KernelOptions Small => new() { Engine = new() { InstructionBudget = 2_000_000, MemoryLimitBytes = 48L * 1024 * 1024 } };

    // A yield that reaches the kernel's resume loop: the budget must count across resumes, not start again.
    private const string BurnAndYield = "for i = 1, 400 do for j = 1, 100000 do end coroutine.yield() end return 'finished'";

    [Test]
    public void Program_BurningAndYielding_RunsOutOfOneBudget()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, Small);
        var result = kernel.RunUserChunk("alice", BurnAndYield, []);
        Assert.That(result.ErrorFirstLine, Does.Contain("instruction budget exceeded"), "40M instructions ran on a 2M budget");
        Assert.That(kernel.RunUserChunk("alice", "return 1", []).Values, Is.EqualTo(new LuaValue[] { 1L }));
    }

    [Test]
    public void Module_BurningAndYieldingAtLoad_RunsOutOfOneBudget_AndBootGoesOn()
    {
        var image = BootImage.Empty
            .WithFile("/lib/modules/a-burner.lua", BurnAndYield)
            .WithFile("/lib/modules/b-echo.lua", "return { ping = function() return 'pong' end }");
        using var kernel = ReferenceKernel.Boot(image, Small);
        Assert.That(kernel.Syslog.Entries.Select(e => e.Message), Has.Some.Contains("instruction budget exceeded"));
        var result = kernel.Syscall("root", "callmodule", ["b-echo", "ping"]);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "pong" }), result.ErrorText);
    }

    [Test]
    public void Program_BacktrackingPatternOverALongSubject_RunsOutOfBudget_AndTheNextProgramRuns()
    {
        // Native, this find runs for about four minutes (the hostile-input review's case): every start scans to the end.
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, Small);
        var result = kernel.RunUserChunk("alice", "return (string.rep('a', 200000)):find('.-b')", []);
        Assert.That(result.ErrorFirstLine, Does.Contain("instruction budget exceeded"));
        Assert.That(kernel.RunUserChunk("alice", "return ('key = value'):match('^(%w+)%s*=%s*(%w+)$')", []).Values,
            Is.EqualTo(new LuaValue[] { "key", "value" }));
    }

    [Test]
    public void Program_ExhaustingMemory_FailsAndTheNextProgramRuns()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, Small);
        var hog = kernel.RunUserChunk("alice", "local t = {} while true do t[#t + 1] = string.rep('x', 1000000) .. #t end", []);
        Assert.That(hog.ErrorFirstLine, Does.Contain("not enough memory"));
        for (var i = 0; i < 3; i++)
        {
            var next = kernel.RunUserChunk("alice", "local t = {} for i = 1, 10 do t[i] = string.rep('y', 1000000) .. i end return #t", []);
            Assert.That(next.Values, Is.EqualTo(new LuaValue[] { 10L }), next.ErrorText);
        }
        Assert.That(kernel.Syscall("alice", "getuser", []).Values, Is.EqualTo(new LuaValue[] { "alice" }));
    }
}
