using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>
/// Which rules a run includes: those of the profile, at the chosen levels (none given: all), matching a filter
/// (none given: all). A filter is a clause ID (exactly that clause), a prefix of clause IDs ("MOD", "FS-", "PX-MOD")
/// or a rule ID prefix ("MOD-API/Call"), in any case ("mod-api" is MOD-API). A filter that names no clause is a usage
/// error, so a typo cannot turn into an empty, green run.
/// </summary>
public sealed class RuleSelection
{
    private readonly IReadOnlyList<string> _filters;
    private readonly IReadOnlySet<ClauseLevel> _levels;

    public RuleSelection(Profile profile, IEnumerable<string> filters, IEnumerable<string> levels)
    {
        Profile = profile;
        _filters = Split(filters).Select(Validate).ToList();
        _levels = Split(levels).Select(ParseLevel).ToHashSet();
    }

    public Profile Profile { get; }

    /// <summary>The filters as matched (clause part upper-cased), in the order given; empty: every rule.</summary>
    public IReadOnlyList<string> Filters => _filters;

    /// <summary>The levels chosen, in catalogue order; empty: every level.</summary>
    public IReadOnlyList<ClauseLevel> Levels => [.. _levels.Order()];

    public IReadOnlyList<RuleDescriptor> Apply(IEnumerable<RuleDescriptor> rules) =>
        rules.Where(r => r.Clause.AppliesTo(Profile))
            .Where(r => _levels.Count == 0 || _levels.Contains(r.Clause.Level))
            .Where(r => _filters.Count == 0 || _filters.Any(f => Matches(f, r)))
            .ToList();

    public static Profile ParseProfile(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "v1" => Profile.V1,
        "v2" => Profile.V2,
        _ => throw new UsageException($"Unknown profile '{text}' for --profile (expected v1 or v2)."),
    };

    private static ClauseLevel ParseLevel(string text) =>
        Enum.TryParse<ClauseLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _)
            ? level
            : throw new UsageException($"Unknown level '{text}' for --level (expected MUST, SHOULD, COMPAT or ADVISORY).");

    private static bool Matches(string filter, RuleDescriptor rule)
    {
        if (filter.Contains('/', StringComparison.Ordinal)) return rule.Id.StartsWith(filter, StringComparison.OrdinalIgnoreCase);
        return ClauseCatalogue.TryGet(filter, out _)
            ? rule.Clause.Id == filter
            : rule.Clause.Id.StartsWith(filter, StringComparison.Ordinal);
    }

    private static string Validate(string given)
    {
        // Clause IDs are upper case; people type them in any case. The rule part keeps its case for the report.
        var slash = given.IndexOf('/', StringComparison.Ordinal);
        var filter = slash < 0 ? given.ToUpperInvariant() : given[..slash].ToUpperInvariant() + given[slash..];
        var clausePart = filter.Split('/')[0];
        var known = filter.Contains('/', StringComparison.Ordinal)
            ? ClauseCatalogue.TryGet(clausePart, out _)
            : ClauseCatalogue.All.Any(c => c.Id.StartsWith(clausePart, StringComparison.Ordinal));
        return known ? filter : throw new UsageException($"Unknown clause '{clausePart}' in --filter (no clause ID of the catalogue is or starts with it).");
    }

    /// <summary>Options are repeatable and also take comma-separated lists ("--level MUST,SHOULD").</summary>
    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
