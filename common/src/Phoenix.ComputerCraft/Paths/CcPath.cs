// Clauses: FS-RELATIVE-PATH
// Compat: PX-FS-PATHS
// Mirrors: CC: Tweaked fs.combine and FileSystem.sanitizePath, which Phoenix 05-filesystem normalises every path with

using System.Text;

namespace Phoenix.ComputerCraft.Paths;

/// <summary>
/// ComputerCraft's path rules (CC:Tweaked <c>FileSystem.sanitizePath</c>, facts §4.4): backslashes are slashes,
/// control characters and <c>" : &lt; &gt; ? |</c> are dropped, and <c>*</c> too except in <c>fs.combine</c> (which
/// allows wildcards); each part is trimmed; empty parts, "." and parts of three or more dots vanish; ".." pops a part
/// and survives only at the front; parts are cut to 255 characters. Results have no leading or trailing slash; the
/// root is "".
/// </summary>
public static class CcPath
{
    private const string Forbidden = "\":<>?|";

    public static string Sanitize(string path) => Sanitize(path, allowWildcards: false);

    public static string Sanitize(string path, bool allowWildcards)
    {
        var cleaned = new StringBuilder(path.Length);
        foreach (var c in path.Replace('\\', '/'))
        {
            if (c >= ' ' && Forbidden.IndexOf(c) < 0 && (allowWildcards || c != '*')) cleaned.Append(c);
        }
        var parts = new List<string>();
        foreach (var raw in cleaned.ToString().Split('/'))
        {
            var part = raw.Trim();
            // "." is redundant, and CC:T takes "..." and longer runs of dots as "." too.
            if (part.Length == 0 || part.Trim('.').Length == 0 && part.Length != 2) continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part.Length > 255 ? part[..255] : part);
        }
        return string.Join('/', parts);
    }

    /// <summary>One path as <c>fs.combine</c> leaves it (wildcards kept): how Phoenix normalises every path it is given
    /// (facts §4.4, FS-RELATIVE-PATH), and so how the reference kernel does.</summary>
    public static string Normalize(string path) => Sanitize(path, allowWildcards: true);

    /// <summary>The parts of <see cref="Normalize"/>'s result; none for the root.</summary>
    public static IReadOnlyList<string> Components(string path) => Split(Normalize(path));

    /// <summary>fs.combine: joins every argument, then sanitizes, wildcards kept (CC:T 1.95+ takes varargs).</summary>
    public static string Combine(IEnumerable<string> parts) => Sanitize(string.Join('/', parts), allowWildcards: true);

    /// <summary>fs.getName: the last part; "root" for the root, as CC answers.</summary>
    public static string GetName(string path)
    {
        var clean = Sanitize(path);
        if (clean.Length == 0) return "root";
        var slash = clean.LastIndexOf('/');
        return slash < 0 ? clean : clean[(slash + 1)..];
    }

    /// <summary>fs.getDir: everything but the last part; ".." for the root, as CC answers.</summary>
    public static string GetDir(string path)
    {
        var clean = Sanitize(path);
        if (clean.Length == 0) return "..";
        var slash = clean.LastIndexOf('/');
        return slash < 0 ? "" : clean[..slash];
    }

    /// <summary>True when the path climbs above the root (CC refuses every operation on it).</summary>
    public static bool EscapesRoot(string clean) => clean == ".." || clean.StartsWith("../", StringComparison.Ordinal);

    public static string[] Split(string clean) => clean.Length == 0 ? [] : clean.Split('/');
}
