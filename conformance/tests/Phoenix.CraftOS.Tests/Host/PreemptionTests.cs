using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>
/// A kernel preempts a coroutine the way Phoenix does: <c>debug.sethook(co, hook, "", n)</c> with a hook that yields.
/// Stock Lua 5.4 refuses a yield from a Lua hook; the host's native hook yields on the guest's behalf and resume gives
/// what the hook yields, while the watchdog keeps counting.
/// </summary>
public class PreemptionTests
{
    [Test]
    public void CountHookThatYields_PreemptsTheCoroutine_AndItResumesWhereItStopped()
    {
        using var run = new KernelRun("""
            local co = coroutine.create(function() local n = 0 for i = 1, 200000 do n = n + i end return "done", n end)
            debug.sethook(co, function(event) if event == "count" then coroutine.yield("preempt") end end, "", 20000)
            local preempted, last = 0
            repeat
                last = table.pack(coroutine.resume(co))
                if last[2] == "preempt" then preempted = preempted + 1 end
            until coroutine.status(co) == "dead"
            report(preempted > 5, last[2], last[3], debug.gethook(co) ~= nil)
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { true, "done", 20000100000L, true }), run.Computer.Report());
    }

    [Test]
    public void HookRemoved_NoMorePreemption()
    {
        using var run = new KernelRun("""
            local co = coroutine.create(function() for i = 1, 100000 do end return "done" end)
            debug.sethook(co, function() coroutine.yield("preempt") end, "", 1000)
            debug.sethook(co)
            report(coroutine.resume(co))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { true, "done" }));
    }

    [Test]
    public void PreemptedCode_StillMeetsTheWatchdog()
    {
        using var run = new KernelRun("""
            local co = coroutine.create(function() while true do end end)
            debug.sethook(co, function() coroutine.yield("preempt") end, "", 1000)
            while true do coroutine.resume(co) end
            """, new ComputerOptions { InstructionsPerResume = 1_000_000, AbortInstructions = 100_000 });
        Assert.That(run.Computer.StopReason, Is.EqualTo("Too long without yielding"));
    }
}
