namespace Phoenix.Mutation.Mutants;

/// <summary>
/// A deterministic sample: the mutants in ID order, shuffled by a seeded SplitMix64 (our own, so the sample does not
/// depend on how a .NET version implements System.Random), first <c>count</c> taken, reported in ID order.
/// </summary>
public static class MutantSampler
{
    public static IReadOnlyList<Mutant> Sample(IEnumerable<Mutant> mutants, int count, ulong seed)
    {
        var ordered = mutants.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
        if (count >= ordered.Length) return ordered;
        var state = seed;
        for (var i = ordered.Length - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        }
        return ordered.Take(count).OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
