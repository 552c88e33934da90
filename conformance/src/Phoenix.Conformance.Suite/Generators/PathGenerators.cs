using FsCheck;
using FsCheck.Fluent;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>Generators for mount layouts and paths (FS-RELATIVE-PATH): nested mounts, names that share prefixes
/// ("/mnt", "/mntx", "/mnt/ab"), and paths with ".", "..", repeated and trailing slashes.</summary>
public static class PathGenerators
{
    /// <summary>Every mount point a layout may use; the boot image must have these directories.</summary>
    public static readonly string[] Candidates = ["/mnt", "/mntx", "/mnt/a", "/mnt/a/b", "/mnt/ab", "/media/disk", "/m"];

    private static readonly string[] Segments = ["mnt", "mntx", "a", "b", "ab", "media", "disk", "m", "x", "file.txt", ".", ".."];

    public static Gen<string> Path =>
        from count in Gen.Choose(0, 6)
        from segments in Gen.ArrayOf(Gen.Elements(Segments), count)
        from separators in Gen.ArrayOf(Gen.Elements("/", "/", "/", "//"), count)
        from trailing in Gen.Elements("", "", "/")
        select "/" + string.Concat(segments.Select((s, i) => (i == 0 ? "" : separators[i]) + s)) + trailing;

    public static Arbitrary<MountLayout> Layouts() => Arb.From(
        from chosen in Gen.ListOf(Gen.Elements(Candidates))
        from paths in Gen.ArrayOf(Path, 8)
        let mounts = chosen.Distinct().OrderBy(m => m.Count(c => c == '/')).ThenBy(m => m, StringComparer.Ordinal).ToArray()
        select new MountLayout(mounts, paths),
        ShrinkLayout);

    /// <summary>
    /// Fewer paths (the failing one alone first), fewer mounts (any subset keeps parents before children), then each
    /// path shorter: without its last segment, its trailing slash, or a doubled slash.
    /// </summary>
    public static IEnumerable<MountLayout> ShrinkLayout(MountLayout layout)
    {
        var paths = layout.Paths.ToArray();
        var mounts = layout.MountPoints.ToArray();
        for (var i = 0; paths.Length > 1 && i < paths.Length; i++) yield return layout with { Paths = [paths[i]] };
        for (var i = 0; paths.Length > 1 && i < paths.Length; i++) yield return layout with { Paths = [.. paths[..i], .. paths[(i + 1)..]] };
        if (mounts.Length > 0) yield return layout with { MountPoints = [] };
        for (var i = 0; i < mounts.Length; i++) yield return layout with { MountPoints = [.. mounts[..i], .. mounts[(i + 1)..]] };
        for (var i = 0; i < paths.Length; i++)
        {
            foreach (var shorter in ShrinkPath(paths[i])) yield return layout with { Paths = [.. paths[..i], shorter, .. paths[(i + 1)..]] };
        }
    }

    /// <summary>Shorter paths that are still absolute.</summary>
    public static IEnumerable<string> ShrinkPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        var cut = trimmed.LastIndexOf('/');
        if (cut >= 0 && trimmed.Length > 0) yield return cut == 0 ? "/" : trimmed[..cut];
        if (path.Length > 1 && path.EndsWith('/')) yield return path[..^1];
        var doubled = path.IndexOf("//", StringComparison.Ordinal);
        if (doubled >= 0) yield return path.Remove(doubled, 1);
    }
}
