using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>
/// Gates that once misled a CI maintainer, each with its behaviour now: a diff that hid many fixes behind
/// a few changed failure kinds, a diff of two broken runs that read as "No differences", comparisons of runs that
/// ran different rules, a run that selected nothing and exited 0, expectations for rules that do not exist,
/// --update-expectations dropping the file's own header, case-sensitive filters, and no trace of the baseline in the
/// reports.
/// </summary>
public sealed class HonestGateTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"phoenix-gate-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private string Write(RunResults run, string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, ResultsJson.Write(run));
        return path;
    }

    private static RunResults AllOutcomes(RunOutcomeMap map)
    {
        var run = CannedRun.Create();
        return run with { Rules = [.. run.Rules.Select(r => r with { Outcome = map(r) })] };
    }

    private delegate RuleOutcome RunOutcomeMap(RuleRecord rule);

    [Test]
    public void Diff_ManyFixesAndAFewChangedKinds_CountsEveryKindOfChange()
    {
        var old = AllOutcomes(_ => RuleOutcome.Error);
        var @new = AllOutcomes(r => r.Id.StartsWith("MOD-AUTOLOAD", StringComparison.Ordinal) ? RuleOutcome.Fail : RuleOutcome.Pass);
        var (exit, output, _) = CliRun.Canned("diff", Write(old, "old.json"), Write(@new, "new.json"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(output, Does.Contain("Changes by kind:").And.Contain("error -> fail: 1 (regression)")
            .And.Contain($"error -> pass: {old.Rules.Count - 1}\n").And.Contain($"1 regression(s), {old.Rules.Count - 1} new pass(es)."));
    }

    [Test]
    public void Diff_TwoRunsThatPassedNothing_SaysSo()
    {
        var broken = AllOutcomes(_ => RuleOutcome.Error);
        var (exit, output, _) = CliRun.Canned("diff", Write(broken, "a.json"), Write(broken, "b.json"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain($"0 passed, 0 failed, {broken.Rules.Count} errors").And.Contain("note: no rule passed in the old run")
            .And.Contain("note: no rule passed in the new run").And.EndWith("No differences.\n"));
    }

    [TestCase("profile")]
    [TestCase("suite")]
    [TestCase("selection")]
    public void Diff_RunsThatRanDifferentRules_IsRefusedUnlessAllowed(string difference)
    {
        var old = CannedRun.Create();
        var @new = difference switch
        {
            "profile" => old with { Profile = Profile.V1 },
            "suite" => old with { SuiteVersion = "9.9.9" },
            _ => old with { Selection = new RunSelection(["MOD"], ["MUST"]) },
        };
        var (a, b) = (Write(old, "a.json"), Write(@new, "b.json"));
        var (refused, _, err) = CliRun.Canned("diff", a, b);
        Assert.That(refused, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1).And.Some.Contain("not comparable").And.Some.Contain("--allow-mismatch"));

        var (allowed, output, _) = CliRun.Canned("diff", a, b, "--allow-mismatch");
        Assert.That(allowed, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("warning: compared anyway: " + difference));
    }

    [Test]
    public void Run_BaselineOfAnotherProfile_IsRefusedBeforeAnyRuleRuns()
    {
        var baseline = Write(CannedRun.Create() with { Profile = Profile.V1 }, "baseline.json");
        var (exit, output, err) = CliRun.Canned("run", "--baseline", baseline, "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("profile v1 vs v2"));
        Assert.That(output, Does.Not.Contain("PASS").And.Not.Contain("FAIL"));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    [Test]
    public void Run_SelectionWithNoRule_ExitsWithItsOwnCodeAndWritesNothing()
    {
        // PX-MOD clauses are COMPAT: none of them is a MUST clause.
        var (exit, _, err) = CliRun.Canned("run", "--level", "MUST", "--filter", "PX-MOD", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.EmptySelection));
        Assert.That(err, Does.Contain("No rule matches the selection").And.Contain("--filter PX-MOD --level MUST"));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    [Test]
    public void Run_ExpectationForARuleTheSuiteDoesNotHave_Exits2WithItsLine()
    {
        var path = Path.Combine(_dir, "typo.yaml");
        File.WriteAllText(path, "# mine\nMOD-API/Callmodule_ReturnsApiResult:\n  outcome: fail\nMOD-API/Callmodule_ReturnApiResult:\n  outcome: fail\n");
        var (exit, _, err) = CliRun.Canned("run", "--expectations", path, "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("line 4: no rule 'MOD-API/Callmodule_ReturnApiResult' in this suite").And.Contain("did you mean 'MOD-API/"));
    }

    [Test]
    public void Run_RuleListedTwiceInExpectations_Exits2WithItsLine()
    {
        var path = Path.Combine(_dir, "twice.yaml");
        File.WriteAllText(path, "MOD-API/Callmodule_ReturnsApiResult:\n  outcome: fail\nMOD-API/Callmodule_ReturnsApiResult:\n  outcome: error\n");
        var (exit, _, err) = CliRun.Canned("run", "--expectations", path, "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("line 3"));
    }

    [Test]
    public void UpdateExpectations_KeepsTheFilesOwnHeader()
    {
        var path = Path.Combine(_dir, "mine.yaml");
        File.WriteAllText(path, "# Kernel Foo's known deviations; see issue 7.\n# Owner: foo team\n\n{}\n");
        var (exit, _, _) = CliRun.Canned("run", "--filter", "MOD-API", "--expectations", path, "--update-expectations", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.ReadAllText(path), Does.StartWith("# Kernel Foo's known deviations; see issue 7.\n# Owner: foo team\n")
            .And.Contain("MOD-API/Callmodule_ReturnsApiResult:"));
    }

    [Test]
    public void Filter_InLowerCase_SelectsTheSameRules_AndTheRunRecordsIt()
    {
        var (exit, output, _) = CliRun.Canned("run", "--filter", "mod-autoload", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("PASS MOD-AUTOLOAD/Module_AtBoot_IsLoaded"));
        var results = ResultsJson.Read(Path.Combine(Out, "results.json"));
        Assert.That(results.Selection!.Filters, Is.EqualTo(new[] { "MOD-AUTOLOAD" }));
    }

    [Test]
    public void Run_IntoAFolderHoldingAnotherKernelsReports_SaysSo()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "results.json"), ResultsJson.Write(CannedRun.Create() with { Adapter = new AdapterInfo("craftos-kernel", "other sha256:0123") }));
        var (exit, output, _) = CliRun.Canned("run", "--filter", "MOD-AUTOLOAD", "--output", Out);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("note: they replace the reports of another kernel (craftos-kernel other sha256:0123)"));
        var (again, second, _) = CliRun.Canned("run", "--filter", "MOD-AUTOLOAD", "--output", Out);
        Assert.That((again, second.Contains("note: they replace", StringComparison.Ordinal)), Is.EqualTo((ExitCodes.Success, false)));
    }
}
