namespace Phoenix.Conformance.Reporting.Results;

/// <summary>What a run selected beyond its profile: <c>--filter</c> values as matched, <c>--level</c> values
/// (empty lists: all) and <c>--shard</c>. Absent from results.json when the run took every rule of its profile. Two
/// runs are only comparable rule by rule when they selected the same rules (<see cref="Diff.RunMismatch"/>).</summary>
public sealed record RunSelection(IReadOnlyList<string> Filters, IReadOnlyList<string> Levels, RunShard? Shard = null)
{
    public bool IsEverything => Filters.Count == 0 && Levels.Count == 0 && Shard is null;

    /// <summary>The same selection without its shard: what <c>merge</c> gives back; null when that is every rule.</summary>
    public RunSelection? WithoutShard() => Filters.Count == 0 && Levels.Count == 0 ? null : this with { Shard = null };

    public static RunSelection Everything { get; } = new([], []);

    /// <summary>As a command line would say it: "--filter MOD --level MUST", or "every rule".</summary>
    public override string ToString() => IsEverything
        ? "every rule"
        : string.Join(' ', new[]
        {
            Filters.Count > 0 ? "--filter " + string.Join(',', Filters) : null,
            Levels.Count > 0 ? "--level " + string.Join(',', Levels) : null,
            Shard is null ? null : $"--shard {Shard}",
        }.OfType<string>());

    public bool SameAs(RunSelection? other)
    {
        other ??= Everything;
        return Filters.Order(StringComparer.Ordinal).SequenceEqual(other.Filters.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && Levels.Order(StringComparer.Ordinal).SequenceEqual(other.Levels.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && Shard == other.Shard;
    }
}
