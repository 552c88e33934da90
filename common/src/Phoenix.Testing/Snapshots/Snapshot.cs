using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Phoenix.Testing.Snapshots;

/// <summary>
/// Snapshot testing the Verify way, without Verify: the accepted text lives beside the test as
/// <c>{Class}.{Method}.verified.txt</c>; a mismatch writes <c>{Class}.{Method}.received.txt</c> (git-ignored) and fails.
/// Set PHOENIX_ACCEPT_SNAPSHOTS=1 to accept received text; never honoured under CI, so CI cannot approve itself.
/// </summary>
public static partial class Snapshot
{
    public const string AcceptVariable = "PHOENIX_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="received"/> (line endings normalised) with the verified file.</summary>
    public static void Match(string received, string className, [CallerMemberName] string method = "", [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var stem = Path.Combine(directory, $"{className}.{method}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var text = received.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (verified == text)
        {
            File.Delete(receivedPath);
            return;
        }
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept)
        {
            File.WriteAllText(verifiedPath, text);
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, text);
        throw new SnapshotMismatchException(verified is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)}; review {Path.GetFileName(receivedPath)} and accept it with {AcceptVariable}=1."
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs at line {FirstDifference(verified, text)}; see {Path.GetFileName(receivedPath)}. Accept with {AcceptVariable}=1 if the change is intended.");
    }

    /// <summary>Replaces times and durations with stable placeholders (Verify's scrubbers).</summary>
    public static string ScrubTimes(string text) => Durations().Replace(Timestamps().Replace(text, "{time}"), "{duration}");

    private static int FirstDifference(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i]) return i + 1;
        }
        return Math.Min(left.Length, right.Length) + 1;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?\b|\b\d{13}\b")]
    private static partial Regex Timestamps();

    [GeneratedRegex(@"\b\d+(\.\d+)? ?(ms|s)\b")]
    private static partial Regex Durations();
}
