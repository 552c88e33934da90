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

    public static Arbitrary<MountLayout> Layouts() =>
        (from chosen in Gen.ListOf(Gen.Elements(Candidates))
         from paths in Gen.ArrayOf(Path, 8)
         let mounts = chosen.Distinct().OrderBy(m => m.Count(c => c == '/')).ThenBy(m => m, StringComparer.Ordinal).ToArray()
         select new MountLayout(mounts, paths)).ToArbitrary();
}
