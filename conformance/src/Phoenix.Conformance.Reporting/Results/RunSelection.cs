namespace Phoenix.Conformance.Reporting.Results;

/// <summary>What a run selected beyond its profile: <c>--filter</c> values as matched and <c>--level</c> values
/// (empty lists: all). Absent from results.json when the run took every rule of its profile. Two runs are only
/// comparable rule by rule when they selected the same rules (<see cref="Diff.RunMismatch"/>).</summary>
public sealed record RunSelection(IReadOnlyList<string> Filters, IReadOnlyList<string> Levels)
{
    public bool IsEverything => Filters.Count == 0 && Levels.Count == 0;

    public static RunSelection Everything { get; } = new([], []);

    /// <summary>As a command line would say it: "--filter MOD --level MUST", or "every rule".</summary>
    public override string ToString() => IsEverything
        ? "every rule"
        : string.Join(' ', new[]
        {
            Filters.Count > 0 ? "--filter " + string.Join(',', Filters) : null,
            Levels.Count > 0 ? "--level " + string.Join(',', Levels) : null,
        }.OfType<string>());

    public bool SameAs(RunSelection? other)
    {
        other ??= Everything;
        return Filters.Order(StringComparer.Ordinal).SequenceEqual(other.Filters.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && Levels.Order(StringComparer.Ordinal).SequenceEqual(other.Levels.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
