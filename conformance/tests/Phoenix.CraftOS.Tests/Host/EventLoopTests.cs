using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>The event loop: one FIFO queue, timers on a virtual clock that jumps when the kernel is idle, shutdown,
/// the watchdog and crashes ending the computer cleanly.</summary>
public class EventLoopTests
{
    [Test]
    public void Timers_FireInOrder_OnAVirtualClockThatJumps()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var run = new KernelRun("""
            local late = os.startTimer(3600)
            local early = os.startTimer(0.5)
            local cancelled = os.startTimer(1)
            os.cancelTimer(cancelled)
            os.queueEvent("mine", "first", "x")
            local seen = {}
            for i = 1, 3 do
                local ev, p = os.pullEventRaw()
                seen[i] = ev .. ":" .. tostring(p == early and "early" or p == late and "late" or p)
            end
            report(seen, os.clock())
            os.shutdown(3)
            os.pullEventRaw()
            error("unreachable: shutdown takes effect at the yield")
            """);
        Assert.Multiple(() =>
        {
            Assert.That(run.Values[0], Is.EqualTo((LuaValue)new LuaTable(["mine:first", "timer:early", "timer:late"])));
            Assert.That(run.Values[1], Is.EqualTo((LuaValue)3600.0));
            Assert.That(run.Computer.State, Is.EqualTo(ComputerState.Off));
            Assert.That(run.Computer.StopReason, Is.EqualTo("shutdown"));
            Assert.That(run.Computer.ShutdownCode, Is.EqualTo(3));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "an hour of virtual time must not be waited for");
        });
    }

    [Test]
    public void Filter_DropsOtherEvents_ButNotTerminate()
    {
        using var run = new KernelRun("""
            os.queueEvent("skipped")
            os.queueEvent("wanted", 7)
            local _, v = os.pullEventRaw("wanted")
            os.queueEvent("other")
            report(v, os.pullEventRaw())
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 7L, "other" }));
    }

    [Test]
    public void IdleKernel_ReturnsIdle_AndHostEventsWakeIt()
    {
        using var run = new KernelRun("""
            local _, v = os.pullEventRaw("poke")
            report(v)
            os.pullEventRaw()
            """);
        Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Idle));
        run.Computer.QueueEvent("poke", "hello");
        Assert.That(run.Computer.Run(), Is.EqualTo(RunOutcome.Idle));
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "hello" }));
    }

    [Test]
    public void EndlessLoop_IsStoppedByTheWatchdog()
    {
        using var run = new KernelRun("while true do end", new ComputerOptions { InstructionsPerResume = 1_000_000 });
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Stopped));
            Assert.That(run.Computer.StopReason, Is.EqualTo("Too long without yielding"));
        });
    }

    [Test]
    public void Panic_StopsTheComputer_AndKeepsScreenAndReason()
    {
        using var run = new KernelRun("""
            term.setCursorPos(1, 1)
            term.write("about to fail")
            error("kernel panic on purpose")
            """);
        Assert.Multiple(() =>
        {
            Assert.That(run.Computer.StopReason, Does.Contain("kernel panic on purpose"));
            Assert.That(run.Computer.Report(), Does.Contain("about to fail"));
        });
    }

    [Test]
    public void BusyEventLoop_HitsTheResumeLimit()
    {
        using var run = new KernelRun("while true do os.queueEvent('spin') os.pullEventRaw() end");
        Assert.That(run.Outcome, Is.EqualTo(RunOutcome.ResumeLimit));
    }
}
