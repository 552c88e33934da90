using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.Expectations;

/// <summary>An implementation's expectations by rule ID. A rule it does not name is expected to pass.</summary>
public sealed class ExpectationSet
{
    private readonly SortedDictionary<string, Expectation> _byRule;
    private readonly IReadOnlyDictionary<string, int> _lines;

    /// <param name="lines">Where each rule ID stands in the file it was read from, for error messages.</param>
    public ExpectationSet(IEnumerable<KeyValuePair<string, Expectation>> entries, IReadOnlyDictionary<string, int>? lines = null)
    {
        _byRule = new SortedDictionary<string, Expectation>(StringComparer.Ordinal);
        foreach (var (id, expectation) in entries) _byRule[id] = expectation;
        _lines = lines ?? new Dictionary<string, int>();
    }

    public static ExpectationSet Empty { get; } = new([]);

    /// <summary>Entries in rule-ID order (ordinal), the order the file is written in.</summary>
    public IReadOnlyCollection<KeyValuePair<string, Expectation>> Entries => _byRule;

    public int Count => _byRule.Count;

    public Expectation? For(string ruleId) => _byRule.TryGetValue(ruleId, out var e) ? e : null;

    /// <summary>The line of the file where <paramref name="ruleId"/>'s entry starts, when the set was read from one.</summary>
    public int? LineOf(string ruleId) => _lines.TryGetValue(ruleId, out var line) ? line : null;

    /// <summary>
    /// The expectations a run implies (<c>--update-expectations</c>): every rule that did not pass, with its outcome.
    /// Reasons and links of rules that keep their outcome survive; entries for rules outside the run are kept, so
    /// a filtered run does not forget the rest of the file.
    /// </summary>
    public static ExpectationSet FromRun(RunResults run, ExpectationSet previous)
    {
        var ran = run.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var kept = previous.Entries.Where(e => !ran.Contains(e.Key));
        var fromRun = run.Rules
            .Where(r => r.Outcome != RuleOutcome.Pass)
            .Select(r => KeyValuePair.Create(r.Id, Update(r, previous.For(r.Id))));
        return new ExpectationSet(kept.Concat(fromRun));
    }

    private static Expectation Update(RuleRecord rule, Expectation? old) =>
        old is not null && old.Outcome == rule.Outcome
            ? old
            : new Expectation(rule.Outcome, rule.Message ?? Classification.Label(rule.Outcome), old?.Link);
}
