using FsCheck;
using FsCheck.Fluent;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>Generators for file ownership and permissions (MOD-OWNER, MOD-WORLD-WRITABLE).</summary>
public static class PermissionGenerators
{
    private static readonly string[] AllModes = ["---", "r--", "-w-", "--x", "rw-", "r-x", "-wx", "rwx"];

    // Near-misses of "root" catch kernels that compare loosely (case, whitespace, prefixes).
    private static readonly string[] Owners = ["root", "alice", "bob", "Root", "root ", "rooter", "ro"];

    /// <summary>Any owner, any world mode, and sometimes a per-user entry (which the page does not consult).</summary>
    public static Arbitrary<ModuleFile> AnyModuleFile() =>
        Arb.From(from owner in Gen.Elements(Owners)
                 from world in Gen.Elements(AllModes)
                 from grantee in Gen.Elements<string?>(null, "alice", "root", "bob")
                 from grant in Gen.Elements(AllModes)
                 select new ModuleFile(owner, world, grantee, grant), Shrink);

    /// <summary>Root-owned files with any world mode and per-user entries: the world write bit decides (a per-user write
    /// grant to another user is left to ADV-MOD-USER-WRITABLE).</summary>
    public static Arbitrary<ModuleFile> RootOwnedModuleFile() =>
        Arb.From(from world in Gen.Elements(AllModes)
                 from grantee in Gen.Elements<string?>(null, "alice", "bob")
                 from grant in Gen.Elements(AllModes)
                 select new ModuleFile("root", world, grantee, grant), Shrink);

    /// <summary>
    /// Towards the plainest file: no per-user entry, then a grant or world mode with one permission bit fewer, then the
    /// owner "root" (the near-misses of "root" are what a failure should show only when they are the cause).
    /// </summary>
    public static IEnumerable<ModuleFile> Shrink(ModuleFile file)
    {
        if (file.Grantee is not null) yield return file with { Grantee = null, Grant = "---" };
        foreach (var grant in FewerBits(file.Grant)) yield return file with { Grant = grant };
        foreach (var world in FewerBits(file.World)) yield return file with { World = world };
        if (file.Owner != "root") yield return file with { Owner = "root" };
    }

    private static IEnumerable<string> FewerBits(string mode) =>
        Enumerable.Range(0, mode.Length).Where(i => mode[i] != '-').Select(i => mode[..i] + "-" + mode[(i + 1)..]);
}
