using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Coverage;

/// <summary>How many rules check one clause. The report's coverage table and <c>check-coverage</c> both use it.</summary>
public sealed record ClauseCoverage(Clause Clause, int Rules)
{
    /// <summary>Every clause of <paramref name="catalogue"/> (default: the whole catalogue; of <paramref name="profile"/>,
    /// when given) with the number of rules among <paramref name="ruleClauseIds"/> (one entry per rule) that name it,
    /// in catalogue order.</summary>
    public static IReadOnlyList<ClauseCoverage> Of(IEnumerable<string> ruleClauseIds, Profile? profile = null,
        IReadOnlyList<Clause>? catalogue = null)
    {
        var counts = ruleClauseIds.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (catalogue ?? ClauseCatalogue.All)
            .Where(c => profile is null || c.AppliesTo(profile.Value))
            .Select(c => new ClauseCoverage(c, counts.GetValueOrDefault(c.Id)))
            .ToList();
    }
}
