using System.Text;

namespace Phoenix.Mutation.Mutants;

/// <summary>
/// A deterministic sample: each mutant gets a rank, a seeded hash of its <see cref="Mutant.SampleKey"/>, and the
/// <c>count</c> lowest ranks are the sample (reported in ID order). A mutant's rank does not depend on the other
/// mutants, so adding or changing code elsewhere leaves the rest of the sample as it was, and the hash is our own
/// (FNV-1a, then SplitMix64's finaliser), so the sample does not depend on a .NET version.
/// </summary>
public static class MutantSampler
{
    public static IReadOnlyList<Mutant> Sample(IEnumerable<Mutant> mutants, int count, ulong seed) =>
        mutants.OrderBy(m => Rank(m, seed)).ThenBy(m => m.Id, StringComparer.Ordinal).Take(count)
            .OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();

    private static ulong Rank(Mutant mutant, ulong seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(mutant.SampleKey))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return Mix(hash ^ Mix(seed));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
