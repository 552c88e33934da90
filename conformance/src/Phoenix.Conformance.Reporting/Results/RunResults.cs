using System.Text.Json.Serialization;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Results;

/// <summary>
/// A whole run: what was certified (suite version, catalogue hash, adapter, profile) and every rule's record. This
/// is results.json; the other reports are views of it. The schema is documented in reports/README.md; bump
/// <see cref="CurrentSchemaVersion"/> when a property changes meaning or disappears.
/// </summary>
/// <param name="Seed">The seed the run was given: "default" (each property rule used its own fixed seed, derived from
/// the suite version and its ID) or the number every rule used. Each rule's record has the seed it used.</param>
/// <param name="Selection">The run's --filter and --level, when it did not take every rule of its profile.</param>
/// <param name="Baseline">The comparison with --baseline, when the run had one.</param>
public sealed record RunResults(
    [property: JsonPropertyOrder(0)] int SchemaVersion,
    [property: JsonPropertyOrder(1)] string SuiteVersion,
    [property: JsonPropertyOrder(2)] string CatalogueHash,
    [property: JsonPropertyOrder(3)] AdapterInfo Adapter,
    [property: JsonPropertyOrder(4)] Profile Profile,
    [property: JsonPropertyOrder(5)] DateTimeOffset StartedAt,
    [property: JsonPropertyOrder(6)] double DurationMs,
    [property: JsonPropertyOrder(9)] IReadOnlyList<RuleRecord> Rules,
    [property: JsonPropertyOrder(6)] string? Seed = null,
    [property: JsonPropertyOrder(6)] RunSelection? Selection = null,
    [property: JsonPropertyOrder(8)] BaselineComparison? Baseline = null)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The rules of the page (MUST and SHOULD), which conformance is judged on.</summary>
    [JsonIgnore]
    public IEnumerable<RuleRecord> PageRules => Rules.Where(r => r.Level is ClauseLevel.Must or ClauseLevel.Should);

    /// <summary>COMPAT rules: Phoenix 0.0.9 behaviour, shown apart and never counted against conformance.</summary>
    [JsonIgnore]
    public IEnumerable<RuleRecord> CompatRules => Rules.Where(r => r.Level == ClauseLevel.Compat);

    /// <summary>ADVISORY rules: security properties the page's intent needs; shown apart, never counted.</summary>
    [JsonIgnore]
    public IEnumerable<RuleRecord> AdvisoryRules => Rules.Where(r => r.Level == ClauseLevel.Advisory);

    /// <summary>Written for readers of the file; recomputed, never read back.</summary>
    [JsonPropertyOrder(7)]
    public RunSummary Summary => RunSummary.Of(Rules);

    /// <summary>Counts per clause family in catalogue order (MOD, FS, DRV, then PX-…).</summary>
    [JsonPropertyOrder(8)]
    public IReadOnlyDictionary<string, RunSummary> Families =>
        Rules.GroupBy(r => r.Family).OrderBy(g => FamilyOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RunSummary.Of(g), StringComparer.Ordinal);

    /// <summary>A family as tables name it: COMPAT and ADVISORY families carry their level ("PX-MOD (COMPAT)").</summary>
    public static string FamilyLabel(string family) =>
        family.StartsWith("PX-", StringComparison.Ordinal) ? $"{family} (COMPAT)"
        : family.StartsWith("ADV-", StringComparison.Ordinal) ? $"{family} (ADVISORY)"
        : family;

    /// <summary>Position of a family in the catalogue, so every report lists families the way clauses.md does.</summary>
    public static int FamilyOrder(string family)
    {
        var index = ClauseCatalogue.All.Select(c => c.Family).Distinct().ToList().IndexOf(family);
        return index < 0 ? int.MaxValue : index;
    }
}
