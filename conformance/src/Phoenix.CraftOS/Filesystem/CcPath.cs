using System.Text;

namespace Phoenix.CraftOS.Filesystem;

/// <summary>
/// ComputerCraft's path rules (CC:Tweaked <c>FileSystem.sanitizePath</c>): backslashes are slashes, characters CC
/// forbids are dropped, "." and empty parts vanish, ".." pops a part and survives only at the front. Results have no
/// leading or trailing slash; the root is "".
/// </summary>
public static class CcPath
{
    private const string Forbidden = "\"*:<>?|";

    public static string Sanitize(string path)
    {
        var cleaned = new StringBuilder(path.Length);
        foreach (var c in path.Replace('\\', '/'))
        {
            if (Forbidden.IndexOf(c) < 0 && c >= ' ') cleaned.Append(c);
        }
        var parts = new List<string>();
        foreach (var raw in cleaned.ToString().Split('/'))
        {
            // A part made only of three or more dots counts as "..", as in CC:T.
            var part = raw.Length >= 3 && raw.Trim('.').Length == 0 ? ".." : raw;
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>fs.combine: joins every argument, then sanitizes (CC:T 1.95+ takes varargs).</summary>
    public static string Combine(IEnumerable<string> parts) => Sanitize(string.Join('/', parts));

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
