using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.Diff;

/// <summary>
/// Whether two runs can be compared rule by rule. Runs of different profiles, suite versions or selections
/// (--filter, --level) differ in which rules ran and what they check, so a rule-by-rule diff of them reads as
/// regressions and fixes that are neither; <c>diff</c> and <c>run --baseline</c> refuse them unless told to
/// (<c>--allow-mismatch</c>). A different clause catalogue is only noted: adding a clause changes its hash, and
/// the diff then shows the added rules as added.
/// </summary>
public static class RunMismatch
{
    /// <summary>What makes the runs incomparable, one phrase each; empty when they are comparable.</summary>
    public static IReadOnlyList<string> Of(RunResults old, RunResults @new)
    {
        var found = new List<string>();
        if (old.Profile != @new.Profile) found.Add($"profile {Name(old.Profile)} vs {Name(@new.Profile)}");
        if (old.SuiteVersion != @new.SuiteVersion) found.Add($"suite version {old.SuiteVersion} vs {@new.SuiteVersion}");
        var (a, b) = (old.Selection ?? RunSelection.Everything, @new.Selection ?? RunSelection.Everything);
        if (!a.SameAs(b)) found.Add($"selection {a} vs {b}");
        return found;
    }

    /// <summary>Notes that do not stop a comparison but change how to read it.</summary>
    public static IReadOnlyList<string> Notes(RunResults old, RunResults @new)
    {
        var notes = new List<string>();
        if (old.CatalogueHash != @new.CatalogueHash) notes.Add("the clause catalogue differs (clauses added, removed or reworded between the runs)");
        if (old.Rules.Count > 0 && old.Rules.All(r => r.Outcome != Harness.Running.RuleOutcome.Pass)) notes.Add("no rule passed in the old run");
        if (@new.Rules.Count > 0 && @new.Rules.All(r => r.Outcome != Harness.Running.RuleOutcome.Pass)) notes.Add("no rule passed in the new run");
        return notes;
    }

    /// <summary>One line naming a run and its counts, so "No differences" between two broken runs reads as what it is.</summary>
    public static string Describe(RunResults run)
    {
        var s = run.Summary;
        return $"{run.Adapter.Name} {run.Adapter.Version}, profile {Name(run.Profile)}, suite {run.SuiteVersion}, {run.Selection ?? RunSelection.Everything}: " +
               $"{s.Passed} passed, {s.Failed} failed, {s.Errors} errors, {s.Timeouts} timeouts, {s.NotSupported} not supported of {s.Total}";
    }

    private static string Name(Rules.Profile profile) => profile.ToString().ToLowerInvariant();
}
