using System.Security.Cryptography;
using System.Text;

namespace Phoenix.Conformance.Reporting.Results;

/// <summary>
/// One of <see cref="Count"/> parts of a selection (<c>--shard 2/4</c>), for CI matrices that spread a run over
/// several machines; <c>merge</c> joins the parts' results.json files into the run the whole selection would give.
/// A rule's shard depends only on its ID (a hash), never on which other rules exist, so adding a rule moves no
/// other rule to another shard and every machine of a matrix agrees on the split without talking to the others.
/// </summary>
public sealed record RunShard(int Index, int Count)
{
    /// <summary>A matrix wider than this spends more on boots and builds than it saves; it is most likely a typo.</summary>
    public const int MaxCount = 1000;

    /// <summary>Parses "i/n" with 1 ≤ i ≤ n ≤ <see cref="MaxCount"/>; null with the reason otherwise.</summary>
    public static RunShard? TryParse(string text, out string? problem)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            problem = $"'{text}' is not of the form i/n (for example 1/2)";
            return null;
        }
        if (count < 1 || count > MaxCount)
        {
            problem = $"the shard count in '{text}' must be between 1 and {MaxCount}";
            return null;
        }
        if (index < 1 || index > count)
        {
            problem = $"the shard index in '{text}' must be between 1 and {count} (shards are numbered from 1)";
            return null;
        }
        problem = null;
        return new RunShard(index, count);
    }

    /// <summary>The shard (1-based) a rule belongs to when a selection is cut into <paramref name="count"/>.</summary>
    public static int Of(string ruleId, int count)
    {
        // SHA-256 rather than string.GetHashCode, which is randomised per process: every machine must agree.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ruleId));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)count) + 1;
    }

    public bool Includes(string ruleId) => Of(ruleId, Count) == Index;

    public override string ToString() => $"{Index}/{Count}";
}
