using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Diff;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Diff;

public sealed class ResultsDiffTests
{
    [Test]
    public void Compare_SameRun_HasNoDifferences()
    {
        var run = CannedRun.Create();
        var diff = ResultsDiff.Compare(run, run);
        Assert.That(diff.IsEmpty, Is.True);
        Assert.That(diff.ToText(), Is.EqualTo("No differences.\n"));
    }

    [Test]
    public void Compare_ChangedRun_SortsEveryChangeIntoItsKind()
    {
        var old = CannedRun.Create();
        var rules = old.Rules.ToDictionary(r => r.Name);
        var changed = old with
        {
            Rules =
            [
                rules["Module_AtBoot_IsLoaded"] with { Outcome = RuleOutcome.Fail, Message = "now broken" }, // new failure
                rules["Callmodule_ReturnsApiResult"] with { Outcome = RuleOutcome.Pass }, // new pass
                rules["Unloadmodule_CallsUnload"] with { Outcome = RuleOutcome.Timeout }, // error -> timeout
                rules["Unload_ReversesGlobals"],
                rules["Subdirectory_Hangs"],
                rules["Listmodules_ListsLoaded"],
                rules["Listmodules_ListsLoaded"] with { Id = "PX-MOD-LISTMODULES/Renamed" }, // added
                // BootModules_LoadInSortedOrder removed
            ],
        };
        var diff = ResultsDiff.Compare(old, changed);

        Assert.That(Ids(diff.NewFailures), Is.EqualTo(new[] { "MOD-AUTOLOAD/Module_AtBoot_IsLoaded" }));
        Assert.That(Ids(diff.NewPasses), Is.EqualTo(new[] { "MOD-API/Callmodule_ReturnsApiResult" }));
        Assert.That(Ids(diff.ChangedFailureKind), Is.EqualTo(new[] { "MOD-UNLOAD/Unloadmodule_CallsUnload" }));
        Assert.That(Ids(diff.Added), Is.EqualTo(new[] { "PX-MOD-LISTMODULES/Renamed" }));
        Assert.That(Ids(diff.Removed), Is.EqualTo(new[] { "PX-MOD-BOOT-ORDER/BootModules_LoadInSortedOrder" }));
        Assert.That(diff.HasRegressions, Is.True);
        Assert.That(diff.ToText(), Does.Contain("MOD-AUTOLOAD/Module_AtBoot_IsLoaded: pass -> fail: now broken"));
    }

    private static string[] Ids(IEnumerable<DiffEntry> entries) => [.. entries.Select(e => e.Id)];

    [Test]
    public void Compare_OnlyNewPasses_IsNoRegression()
    {
        var old = CannedRun.Create();
        var better = old with { Rules = [.. old.Rules.Select(r => r with { Outcome = RuleOutcome.Pass, Verdict = Verdict.Pass })] };
        Assert.That(ResultsDiff.Compare(old, better).HasRegressions, Is.False);
    }
}
