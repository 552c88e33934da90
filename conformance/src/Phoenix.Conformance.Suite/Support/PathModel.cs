namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// The page's path rules as a model, written from the spec and not from any kernel: normalise like
/// ComputerCraft's fs.combine (empty and "." components dropped, ".." cancels the previous component, a leading ".."
/// stays), pick the longest mount that is a component-wise prefix, and pass the rest relative to it.
/// </summary>
public static class PathModel
{
    public static IReadOnlyList<string> Components(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return parts;
    }

    /// <summary>The mount (from <paramref name="mountPoints"/>, absolute paths) a path reaches and the relative path
    /// it gets; null when only the root filesystem matches.</summary>
    public static (string MountPoint, string Relative)? Resolve(string path, IEnumerable<string> mountPoints)
    {
        var parts = Components(path);
        var best = mountPoints
            .Select(m => (Mount: m, Parts: Components(m)))
            .Where(m => m.Parts.Count > 0 && m.Parts.Count <= parts.Count && m.Parts.SequenceEqual(parts.Take(m.Parts.Count)))
            .OrderByDescending(m => m.Parts.Count)
            .FirstOrDefault();
        return best.Mount is null ? null : (best.Mount, string.Join('/', parts.Skip(best.Parts.Count)));
    }
}
