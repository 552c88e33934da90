using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Json;

namespace Phoenix.Conformance.Protocol.Tests.Workers;

/// <summary><c>run --isolation process</c>: kernels in worker processes, limits enforced from outside, results as a
/// serial in-process run's.</summary>
public sealed class WorkerIsolationTests
{
    private string _output = "";

    [SetUp]
    public void CreateOutput() => _output = Directory.CreateTempSubdirectory("phoenix-workers-").FullName;

    [TearDown]
    public void RemoveOutput() => Directory.Delete(_output, true);

    [Test]
    public void TwoWorkers_GiveTheSerialInProcessRunsResults()
    {
        string[] selection = ["--filter", "MOD-API,MOD-OWNER,PX-MOD-LISTMODULES,PX-USER-CALLBACK-ARGS"];
        var (serial, _, serialErr) = Real(["run", .. selection, "--output", Path.Combine(_output, "serial")]);
        var (isolated, isolatedOut, isolatedErr) = Real(["run", .. selection, "--isolation", "process", "--jobs", "2", "--output", Path.Combine(_output, "workers")]);
        Assert.That((serial, isolated), Is.EqualTo((0, 0)), serialErr + isolatedErr + isolatedOut);
        var (diff, diffOut, _) = Real(["diff", Path.Combine(_output, "serial", "results.json"), Path.Combine(_output, "workers", "results.json")]);
        Assert.That(diffOut, Does.Contain("No differences."));
        Assert.That(diff, Is.EqualTo(0));
    }

    [Test]
    public void RulePastItsTimeLimit_IsATimeout_ItsWorkerIsKilled_AndTheNextRuleRuns()
    {
        var (exit, output, error) = Canned("run", "--isolation", "process", "--time-limit", "2", "--output", _output,
            "--filter", "MOD-API/Kernel_KeepsTheWorkerBusyForever,MOD-API/Kernel_Answers");
        Assert.That(exit, Is.EqualTo(1), output + error);
        var results = ResultsJson.Read(Path.Combine(_output, ResultsJson.FileName)).Rules.ToDictionary(r => r.Name, r => r.Outcome);
        Assert.That(results["Kernel_KeepsTheWorkerBusyForever"], Is.EqualTo(RuleOutcome.Timeout));
        Assert.That(results["Kernel_Answers"], Is.EqualTo(RuleOutcome.Pass));
    }

    [Test]
    public void WorkerPastItsMemoryCap_IsKilled_TheRuleIsAnErrorNamingTheCap_AndTheNextRuleRuns()
    {
        var (exit, output, error) = Canned("run", "--isolation", "process", "--memory-limit", "100", "--output", _output,
            "--filter", "MOD-API/Kernel_GrowsPastTheMemoryCap,MOD-API/Kernel_Answers");
        Assert.That(exit, Is.EqualTo(1), output + error);
        var results = ResultsJson.Read(Path.Combine(_output, ResultsJson.FileName)).Rules.ToDictionary(r => r.Name);
        Assert.That(results["Kernel_GrowsPastTheMemoryCap"].Outcome, Is.EqualTo(RuleOutcome.Error));
        Assert.That(results["Kernel_GrowsPastTheMemoryCap"].Message, Does.Contain("over the cap of 100 MB"));
        Assert.That(results["Kernel_Answers"].Outcome, Is.EqualTo(RuleOutcome.Pass));
    }

    [TestCase("--isolation", "fork", TestName = "{m}(unknown isolation)")]
    [TestCase("--memory-limit", "512", TestName = "{m}(a memory limit without process isolation)")]
    [TestCase("--memory-limit", "1", "--isolation", "process", TestName = "{m}(a memory limit below 64 MB)")]
    [TestCase("--memory-limit", "NaN", "--isolation", "process", TestName = "{m}(a memory limit that is not a number)")]
    [TestCase("--memory-limit", "lots", TestName = "{m}(a memory limit that is no number at all)")]
    public void BadIsolationOption_IsAUsageError_OneLine(params string[] options)
    {
        var (exit, output, error) = Canned(["run", "--output", _output, .. options]);
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(output, Is.Empty);
    }

    [TestCase("exec", "needs a command", TestName = "{m}(exec without a command)")]
    [TestCase("exec:", "needs a command", TestName = "{m}(exec with an empty command)")]
    [TestCase("exec:no-such-program-here", "not found", TestName = "{m}(a command that does not exist)")]
    [TestCase("exec:echo hello", "handshake", TestName = "{m}(a command that is no kernel host)")]
    public void ExecAdapterThatCannotServe_IsAUsageError_BeforeAnyRule(string adapter, string reason)
    {
        var (exit, output, error) = Canned("run", "--adapter", adapter, "--output", _output);
        Assert.That(exit, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain(reason));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(output, Is.Empty);
    }

    private static (int Exit, string Out, string Err) Real(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ConformanceCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static (int Exit, string Out, string Err) Canned(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, false, typeof(WorkerRules).Assembly, () => RuleDiscovery.FromAssembly(typeof(WorkerRules).Assembly));
        var exit = ConformanceCli.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }
}
