using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>The exit-code contract of <c>run</c>: 0 as expected, 1 unexpected, and the gates that decide it.</summary>
public sealed class RunExitCodeTests
{
    private const string FailingRule = "MOD-API/Callmodule_ReturnsApiResult";
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"phoenix-cli-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private string Yaml(string text)
    {
        var path = Path.Combine(_dir, "expectations.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private RunResults Results() => ResultsJson.Read(Path.Combine(Out, "results.json"));

    [Test]
    public void Run_OnlyPassingRules_Exits0AndWritesFourReports()
    {
        var (exit, _, err) = CliRun.Canned("run", "--filter", "MOD-AUTOLOAD,PX-MOD-LISTMODULES", "--output", Out);
        Assert.That((exit, err), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(Directory.GetFiles(Out).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "junit.xml", "report.html", "report.md", "results.json" }));
    }

    [Test]
    public void Run_FailingRule_Exits1()
    {
        var (exit, output, _) = CliRun.Canned("run", "--filter", "MOD-API", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(output, Does.Contain($"FAIL {FailingRule}"));
    }

    [Test]
    public void Run_ExpectedFailure_StillRunsAndExits0()
    {
        var yaml = Yaml($"{FailingRule}:\n  outcome: fail\n  reason: known\n");
        var (exit, _, _) = CliRun.Canned("run", "--filter", "MOD-API", "--output", Out, "--expectations", yaml);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(Results().Rules.Single().Verdict, Is.EqualTo(Verdict.ExpectedFailure));
    }

    [Test]
    public void Run_UnexpectedPass_IsReportedAndFailsOnlyUnderStrict()
    {
        var yaml = Yaml("MOD-AUTOLOAD/Module_AtBoot_IsLoaded:\n  outcome: fail\n  reason: was broken\n");
        var (lenient, _, _) = CliRun.Canned("run", "--filter", "MOD-AUTOLOAD", "--output", Out, "--expectations", yaml);
        Assert.That(lenient, Is.EqualTo(ExitCodes.Success));
        Assert.That(Results().Rules.Single().Verdict, Is.EqualTo(Verdict.UnexpectedPass));

        var (strict, _, _) = CliRun.Canned("run", "--filter", "MOD-AUTOLOAD", "--output", Out, "--expectations", yaml, "--strict");
        Assert.That(strict, Is.EqualTo(ExitCodes.Unexpected));
    }

    [Test]
    public void Run_HangingRule_BecomesTimeoutAndRunFinishes()
    {
        var (exit, _, _) = CliRun.Canned("run", "--filter", "MOD-SUBDIR,MOD-AUTOLOAD", "--time-limit", "0.2", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(Results().Rules.Select(r => r.Outcome), Is.EquivalentTo(new[] { RuleOutcome.Pass, RuleOutcome.Timeout }));
    }

    [Test]
    public void Run_BaselineRegression_Exits1EvenWhenExpected()
    {
        // The approved baseline had MOD-API passing; the expectations file now excuses the failure, the gate must not.
        var baseline = CannedRun.Create();
        baseline = baseline with { Rules = [.. baseline.Rules.Select(r => r.Id == FailingRule ? r with { Outcome = RuleOutcome.Pass } : r)] };
        var baselinePath = Path.Combine(_dir, "baseline.json");
        File.WriteAllText(baselinePath, ResultsJson.Write(baseline));
        var yaml = Yaml($"{FailingRule}:\n  outcome: fail\n");

        // The baseline ran every rule and this run one clause: comparable only when asked for.
        var (exit, output, _) = CliRun.Canned("run", "--filter", "MOD-API", "--output", Out, "--expectations", yaml, "--baseline", baselinePath, "--allow-mismatch");
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(output, Does.Contain("New failures (1)"));
        Assert.That(Results().Baseline!.Regressions, Is.EqualTo(new[] { FailingRule }));
        Assert.That(File.ReadAllText(Path.Combine(Out, "report.md")), Does.Contain("1 regression(s)").And.Contain($"- regression: `{FailingRule}`"));
    }

    [Test]
    public void Run_UpdateExpectations_WritesAFileTheNextRunMeets()
    {
        var path = Path.Combine(_dir, "new.yaml");
        var (first, _, _) = CliRun.Canned("run", "--filter", "MOD-API,MOD-UNLOAD", "--output", Out, "--expectations", path, "--update-expectations");
        Assert.That(first, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.ReadAllText(path), Does.Contain($"{FailingRule}:\n  outcome: fail"));

        var (second, _, _) = CliRun.Canned("run", "--filter", "MOD-API,MOD-UNLOAD", "--output", Out, "--expectations", path, "--strict");
        Assert.That(second, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Run_ReferenceAdapterWithRealSuite_Exits0()
    {
        var (exit, output, err) = CliRun.Real("run", "--filter", "MOD-AUTOLOAD", "--output", Out);
        Assert.That((exit, err), Is.EqualTo((ExitCodes.Success, "")), output);
        Assert.That(Results().Adapter.Name, Is.EqualTo("reference"));
        Assert.That(Results().Rules, Is.Not.Empty);
    }

    [Test]
    public void Run_LevelAdvisory_RunsOnlyTheAdvisoriesOfTheRealSuite_AndTheReferencePassesThem()
    {
        var (exit, output, err) = CliRun.Real("run", "--level", "ADVISORY", "--output", Out);
        Assert.That((exit, err), Is.EqualTo((ExitCodes.Success, "")), output);
        Assert.That(Results().Rules.Select(r => r.Level).Distinct(), Is.EqualTo(new[] { Phoenix.Conformance.Rules.ClauseLevel.Advisory }));
        Assert.That(Results().Rules.Select(r => r.Clause).Distinct().Count(), Is.GreaterThanOrEqualTo(4));
    }
}
