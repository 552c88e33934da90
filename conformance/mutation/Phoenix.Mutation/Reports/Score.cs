using Phoenix.Mutation.Running;

namespace Phoenix.Mutation.Reports;

/// <summary>
/// A mutation score over a set of results, equivalent mutants left out. <see cref="PagePercent"/> counts what the
/// page's rules (MUST/SHOULD) kill, stillborn mutants included; <see cref="WithCompatPercent"/> also counts mutants
/// only COMPAT or ADVISORY rules catch.
/// </summary>
public sealed record Score(string Name, int Scored, int Killed, int Stillborn, int CompatOnly, int AdvisoryOnly, int Survived, int Equivalent)
{
    public double? PagePercent => Scored == 0 ? null : 100.0 * (Killed + Stillborn) / Scored;

    public double? WithCompatPercent => Scored == 0 ? null : 100.0 * (Killed + Stillborn + CompatOnly + AdvisoryOnly) / Scored;

    public static Score Of(string name, IEnumerable<MutantResult> results)
    {
        var all = results.ToArray();
        int Count(MutantOutcome o) => all.Count(r => r.Outcome == o);
        return new Score(name, all.Length - Count(MutantOutcome.Equivalent), Count(MutantOutcome.Killed), Count(MutantOutcome.Stillborn),
            Count(MutantOutcome.CompatOnly), Count(MutantOutcome.AdvisoryOnly), Count(MutantOutcome.Survived), Count(MutantOutcome.Equivalent));
    }

    /// <summary>The overall score, then one per family (MOD, USER, FS, DRV).</summary>
    public static IReadOnlyList<Score> Table(IReadOnlyCollection<MutantResult> results) =>
        [Of("overall", results), .. Mutants.Families.All.Select(f => Of(f, results.Where(r => r.Family == f)))];

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";
}
