using System.Security.Cryptography;
using System.Text;

namespace Phoenix.Mutation.Mutants;

/// <summary>
/// One mutant: the characters [<see cref="Start"/>, <see cref="Start"/> + <see cref="Original"/>.Length) of a built-in
/// script replaced by <see cref="Replacement"/>. <see cref="Occurrence"/> tells apart identical edits on one line;
/// <see cref="Context"/> is the text of that line, trimmed.
/// </summary>
public sealed record Mutant(
    string Script,
    int Line,
    string Operator,
    string Original,
    string Replacement,
    int Start,
    int Occurrence,
    string Family,
    string? Function,
    string Context)
{
    /// <summary>What the sample draws on: everything that identifies the edit except the line number (the line's text
    /// instead), so editing one part of a script does not reshuffle which mutants of the other parts are sampled.</summary>
    public string SampleKey => $"{Script}\u0001{Function}\u0001{Context}\u0001{Operator}\u0001{Original}\u0001{Replacement}\u0001{Occurrence}";

    /// <summary>Stable while the line's text and number stay: script, line, operator and a hash of the edit.</summary>
    public string Id => $"{Script}:{Line}:{Operator}:{Hash()}";

    public string Apply(string source) => string.Concat(source.AsSpan(0, Start), Replacement, source.AsSpan(Start + Original.Length));

    /// <summary>The source line the edit starts on, before and after (a multi-line edit shows its first line).</summary>
    public (string Before, string After) DiffLine(string source)
    {
        var lineStart = source.LastIndexOf('\n', Math.Max(0, Start - 1)) + 1;
        if (Start == 0) lineStart = 0;
        var before = LineAt(source, lineStart);
        var after = LineAt(Apply(source), lineStart);
        return (before.Trim(), after.Trim());
    }

    private static string LineAt(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private string Hash()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{Original}\u0001{Replacement}\u0001{Occurrence}"));
        return Convert.ToHexStringLower(bytes)[..8];
    }
}
