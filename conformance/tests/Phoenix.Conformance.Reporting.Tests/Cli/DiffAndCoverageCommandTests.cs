using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

public sealed class DiffAndCoverageCommandTests
{
    [Test]
    public void Diff_SameFile_Exits0()
    {
        var path = Write(CannedRun.Create());
        var (exit, output, _) = CliRun.Canned("diff", path, path);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.StartWith("Old: canned").And.EndWith("No differences.\n"));
        File.Delete(path);
    }

    [Test]
    public void Diff_NewFailure_Exits1AndNamesTheRule()
    {
        var old = CannedRun.Create();
        var worse = old with { Rules = [.. old.Rules.Select(r => r.Outcome == RuleOutcome.Pass ? r with { Outcome = RuleOutcome.Error } : r)] };
        var (a, b) = (Write(old), Write(worse));
        var (exit, output, _) = CliRun.Canned("diff", a, b);
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(output, Does.Contain("New failures (2):").And.Contain("MOD-AUTOLOAD/Module_AtBoot_IsLoaded: pass -> error"));
        File.Delete(a);
        File.Delete(b);
    }

    [Test]
    public void CheckCoverage_RulesMissingForClauses_Exits1AndListsThem()
    {
        // The canned rules cover a handful of clauses and the test assembly has no PendingClauses list.
        var (exit, output, _) = CliRun.Canned("check-coverage");
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected));
        Assert.That(output, Does.Contain("MISSING  FS-NEW (MUST)").And.Not.Contain("MISSING  MOD-API "));
        Assert.That(output, Does.Contain("declares no PendingClauses list"));
    }

    [Test]
    public void CheckCoverage_RealSuite_EveryClauseHasARuleOrIsPending()
    {
        var (exit, output, _) = CliRun.Real("check-coverage");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
    }

    private static string Write(Results.RunResults run)
    {
        var path = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ResultsJson.Write(run));
        return path;
    }
}
