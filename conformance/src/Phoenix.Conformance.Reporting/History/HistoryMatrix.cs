using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.History;

/// <summary>
/// Several runs of one profile side by side (one column per kernel version, in the order given), as wpt.fyi and
/// test262.fyi show engines: every rule's outcome per version, per-family and per-level pass counts, and what changed
/// between neighbouring versions. Outcomes, not verdicts: each version has its own expectations, the matrix shows what
/// the kernels did.
/// </summary>
public sealed class HistoryMatrix
{
    private HistoryMatrix(IReadOnlyList<(string Label, RunResults Run)> columns, IReadOnlyList<string> rules)
    {
        Columns = columns;
        RuleIds = rules;
    }

    public IReadOnlyList<(string Label, RunResults Run)> Columns { get; }

    /// <summary>Every rule any run has, families in catalogue order, then by ID.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <param name="columns">A label (the kernel version) and its results, oldest first.</param>
    /// <exception cref="ArgumentException">No run, or runs of different profiles (their rules differ in meaning).</exception>
    public static HistoryMatrix Of(IReadOnlyList<(string Label, RunResults Run)> columns)
    {
        if (columns.Count == 0) throw new ArgumentException("a history needs at least one results.json");
        var profiles = columns.Select(c => c.Run.Profile).Distinct().ToList();
        if (profiles.Count > 1) throw new ArgumentException($"the runs are of different profiles ({string.Join(", ", profiles).ToLowerInvariant()}): make one history per profile");
        var families = columns.SelectMany(c => c.Run.Rules).GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First());
        var rules = families.OrderBy(r => RunResults.FamilyOrder(r.Family)).ThenBy(r => r.Family, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
        return new HistoryMatrix(columns, rules);
    }

    /// <summary>The rule's record in column <paramref name="column"/>; null when that run did not have the rule.</summary>
    public RuleRecord? Cell(string ruleId, int column) => _index(column).GetValueOrDefault(ruleId);

    /// <summary>Rules whose outcome differs between column <paramref name="column"/> - 1 and <paramref name="column"/>.</summary>
    public IReadOnlyList<(string Rule, RuleOutcome? Before, RuleOutcome? After)> Changes(int column) =>
        RuleIds.Select(id => (id, Cell(id, column - 1)?.Outcome, Cell(id, column)?.Outcome)).Where(c => c.Item2 != c.Item3).ToList();

    /// <summary>Families (FamilyLabel names) in catalogue order, with per-column counts of (passed, total).</summary>
    public IReadOnlyList<(string Family, IReadOnlyList<(int Passed, int Total)> Counts)> Families()
    {
        var families = Columns.SelectMany(c => c.Run.Rules.Select(r => r.Family)).Distinct()
            .OrderBy(RunResults.FamilyOrder).ThenBy(f => f, StringComparer.Ordinal);
        return families.Select(f => (RunResults.FamilyLabel(f), (IReadOnlyList<(int, int)>)Columns
            .Select(c => c.Run.Rules.Where(r => r.Family == f).ToList())
            .Select(rs => (rs.Count(r => r.Outcome == RuleOutcome.Pass), rs.Count)).ToList())).ToList();
    }

    /// <summary>Share of MUST rules that passed (the conformance figure) per column.</summary>
    public double? MustPercent(int column) => RunSummary.Of(Columns[column].Run.PageRules).ConformancePercent;

    /// <summary>Share of COMPAT rules (Phoenix 0.0.9 behaviour) that passed per column.</summary>
    public double? CompatPercent(int column)
    {
        var compat = Columns[column].Run.CompatRules.ToList();
        return compat.Count == 0 ? null : Math.Round(100.0 * compat.Count(r => r.Outcome == RuleOutcome.Pass) / compat.Count, 1);
    }

    private readonly Dictionary<int, Dictionary<string, RuleRecord>> _indexes = [];

    private Dictionary<string, RuleRecord> _index(int column)
    {
        if (!_indexes.TryGetValue(column, out var index))
        {
            index = Columns[column].Run.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            _indexes[column] = index;
        }
        return index;
    }
}
