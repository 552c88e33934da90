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
        (from owner in Gen.Elements(Owners)
         from world in Gen.Elements(AllModes)
         from grantee in Gen.Elements<string?>(null, "alice", "root", "bob")
         from grant in Gen.Elements(AllModes)
         select new ModuleFile(owner, world, grantee, grant)).ToArbitrary();

    /// <summary>Root-owned files with any world mode and per-user entries: the world write bit decides (a per-user write
    /// grant to another user is left to ADV-MOD-USER-WRITABLE).</summary>
    public static Arbitrary<ModuleFile> RootOwnedModuleFile() =>
        (from world in Gen.Elements(AllModes)
         from grantee in Gen.Elements<string?>(null, "alice", "bob")
         from grant in Gen.Elements(AllModes)
         select new ModuleFile("root", world, grantee, grant)).ToArbitrary();
}
