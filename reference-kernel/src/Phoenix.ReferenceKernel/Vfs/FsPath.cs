// Clauses: FS-RELATIVE-PATH
// Compat: PX-FS-PATHS
// Mirrors: Phoenix 05-filesystem (paths normalised as CC's fs.combine)

namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>
/// Path normalisation as ComputerCraft's <c>fs.combine</c> does it (facts §4.4): "\" becomes "/", empty and "."
/// components go, ".." cancels the previous component (a leading ".." survives), and the result has no leading or
/// trailing slash; "" is the root.
/// </summary>
public static class FsPath
{
    private const string Dropped = "\":<>?|";

    public static string Normalize(string path) => string.Join('/', Components(path));

    public static IReadOnlyList<string> Components(string path)
    {
        var result = new List<string>();
        foreach (var raw in path.Replace('\\', '/').Split('/'))
        {
            var part = new string(raw.Where(c => c >= ' ' && !Dropped.Contains(c)).ToArray()).Trim();
            if (part.Length == 0 || part == ".") continue;
            if (part.All(c => c == '.') && part.Length >= 3) continue;
            if (part == "..")
            {
                if (result.Count > 0 && result[^1] != "..") result.RemoveAt(result.Count - 1);
                else result.Add(part);
                continue;
            }
            result.Add(part.Length > 255 ? part[..255] : part);
        }
        return result;
    }

    /// <summary>The last component of the path as given (not normalised), as loadmodule's name derivation uses it.</summary>
    public static string LastComponent(string path)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? path : path[(slash + 1)..];
    }
}
