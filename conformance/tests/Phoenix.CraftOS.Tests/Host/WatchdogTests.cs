using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>
/// CC: Tweaked's watchdog has two stages: code that runs too long without yielding first gets "Too long without
/// yielding" as an ordinary error, which a pcall catches; if it still does not yield, the computer stops.
/// </summary>
public class WatchdogTests
{
    private static readonly ComputerOptions Small = new() { InstructionsPerResume = 1_000_000, AbortInstructions = 300_000 };

    [Test]
    public void Defaults_AreCcTweakedsTimings_InInstructions()
    {
        var options = new ComputerOptions();
        Assert.Multiple(() =>
        {
            Assert.That(options.InstructionsPerResume, Is.EqualTo(7 * ComputerOptions.InstructionsPerSecond), "7 s");
            Assert.That(options.AbortInstructions, Is.EqualTo(3 * ComputerOptions.InstructionsPerSecond / 2), "1.5 s");
        });
    }

    [Test]
    public void FirstStage_IsAnErrorThePcallCatches_AndTheKernelGoesOn()
    {
        using var run = new KernelRun("""
            local ok, err = pcall(function() while true do end end)
            report(ok, err)
            coroutine.yield()
            """, Small);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Idle), run.Computer.Report());
            Assert.That(run.Values, Is.EqualTo(new LuaValue[] { false, "Too long without yielding" }));
        });
    }

    [Test]
    public void EachResume_HasItsOwnFirstStage()
    {
        using var run = new KernelRun("""
            local errors = {}
            for i = 1, 3 do
                local _, err = pcall(function() while true do end end)
                errors[i] = err
                report(errors)
                coroutine.yield()
            end
            """, Small);
        run.Computer.QueueEvent("again");
        run.Computer.QueueEvent("again");
        run.Computer.Run();
        Assert.That(((LuaTable)run.Values[0]).Array, Has.Count.EqualTo(3).And.All.EqualTo((LuaValue)"Too long without yielding"));
    }

    [Test]
    public void SecondStage_StopsCodeThatCaughtTheErrorAndStillRuns()
    {
        using var run = new KernelRun("""
            pcall(function() while true do end end)
            report("caught")
            while true do end
            """, Small);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(RunOutcome.Stopped));
            Assert.That(run.Computer.StopReason, Is.EqualTo("Too long without yielding"));
            Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "caught" }));
        });
    }

    [Test]
    public void SecondStage_CannotBeCaught()
    {
        using var run = new KernelRun("""
            while true do pcall(function() while true do end end) end
            """, Small);
        Assert.That(run.Computer.StopReason, Is.EqualTo("Too long without yielding"));
    }

    [Test]
    public void UncaughtFirstStage_StopsTheComputer()
    {
        using var run = new KernelRun("while true do end", Small);
        Assert.That(run.Computer.StopReason, Is.EqualTo("Too long without yielding"));
    }
}
