using System.Text;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.Diff;

/// <summary>
/// What changed between two results.json files (wpt.fyi's run diff), on raw outcomes so expectations files do not
/// hide a change. A regression is a new failure or a changed failure kind (the baseline approved a specific
/// failure, for example "fail", and it became an "error" or "timeout"); added and removed rules are reported but
/// are not regressions, since renaming a rule does both.
/// </summary>
public sealed record ResultsDiff(
    IReadOnlyList<DiffEntry> NewFailures,
    IReadOnlyList<DiffEntry> NewPasses,
    IReadOnlyList<DiffEntry> ChangedFailureKind,
    IReadOnlyList<DiffEntry> Added,
    IReadOnlyList<DiffEntry> Removed)
{
    public IEnumerable<DiffEntry> Regressions => NewFailures.Concat(ChangedFailureKind);

    public bool HasRegressions => NewFailures.Count > 0 || ChangedFailureKind.Count > 0;

    public bool IsEmpty => !HasRegressions && NewPasses.Count == 0 && Added.Count == 0 && Removed.Count == 0;

    public static ResultsDiff Compare(RunResults old, RunResults @new)
    {
        var before = old.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var after = @new.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        List<DiffEntry> newFailures = [], newPasses = [], changed = [], added = [], removed = [];
        foreach (var rule in @new.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(rule.Id, out var was))
            {
                added.Add(new DiffEntry(rule.Id, null, rule.Outcome, rule.Message));
                continue;
            }
            var entry = new DiffEntry(rule.Id, was.Outcome, rule.Outcome, rule.Message);
            if (was.Outcome == rule.Outcome) continue;
            if (was.Outcome == RuleOutcome.Pass) newFailures.Add(entry);
            else if (rule.Outcome == RuleOutcome.Pass) newPasses.Add(entry);
            else changed.Add(entry);
        }
        removed.AddRange(old.Rules.Where(r => !after.ContainsKey(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new DiffEntry(r.Id, r.Outcome, null)));
        return new ResultsDiff(newFailures, newPasses, changed, added, removed);
    }

    /// <summary>Every change counted by its kind ("error -> pass"), so a few regressions cannot hide many fixes or
    /// the other way round; in the order regressions, changed kinds, fixes.</summary>
    public IEnumerable<(string Kind, int Count, bool Regression)> Transitions =>
        NewFailures.Select(e => (e, true)).Concat(ChangedFailureKind.Select(e => (e, true))).Concat(NewPasses.Select(e => (e, false)))
            .GroupBy(x => ($"{Name(x.e.Old)} -> {Name(x.e.New)}", x.Item2))
            .Select(g => (g.Key.Item1, g.Count(), g.Key.Item2));

    /// <summary>Plain text for the terminal and CI logs: the changes by kind, then one line per changed rule.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var kinds = Transitions.ToList();
        if (kinds.Count > 1)
        {
            text.Append("Changes by kind:\n");
            foreach (var (kind, count, regression) in kinds)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {kind}: {count}{(regression ? " (regression)" : "")}\n");
            }
        }
        Section(text, "New failures", NewFailures);
        Section(text, "Changed failure kind", ChangedFailureKind);
        Section(text, "New passes", NewPasses);
        Section(text, "Rules added", Added);
        Section(text, "Rules removed", Removed);
        text.Append(IsEmpty ? "No differences.\n" : HasRegressions ? $"{NewFailures.Count + ChangedFailureKind.Count} regression(s), {NewPasses.Count} new pass(es).\n" : "No regressions.\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<DiffEntry> entries)
    {
        if (entries.Count == 0) return;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{title} ({entries.Count}):\n");
        foreach (var e in entries)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {e.Id}: {Name(e.Old)} -> {Name(e.New)}");
            if (e.Message is not null && e.New is not RuleOutcome.Pass) text.Append(": ").Append(e.Message);
            text.Append('\n');
        }
    }

    private static string Name(RuleOutcome? outcome) => outcome is { } o ? Classification.Label(o) : "(absent)";
}
