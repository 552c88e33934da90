using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// COMPAT: chmod and chown on the root filesystem as Phoenix documents and its built-in filesystems do them (facts
/// §4.7). The module trust rules (MOD-OWNER, MOD-WORLD-WRITABLE) are only as good as these: a kernel that lets any
/// user chmod a module file, or reads a mode form wrongly, lets untrusted code in while looking conformant.
/// </summary>
public sealed class CompatPermissionRules
{
    private const string File = "/home/alice/notes.txt";

    [Clause("PX-FS-CHMOD-CHOWN")]
    public void ChmodAndChown_ByNeitherOwnerNorRoot_AreDenied_AndChangeNothing(RuleContext context)
    {
        using var kernel = Boot(context);
        var before = Metadata(kernel, "before");
        Check.FailsWith(kernel.Syscall("bob", "chmod", File, LuaValue.Nil, "+w"), "Permission denied", "chmod(path, nil, \"+w\") by bob");
        Check.FailsWith(kernel.Syscall("bob", "chown", File, "bob"), "Permission denied", "chown(path, \"bob\") by bob");
        Check.That(Metadata(kernel, "after bob's attempts") == before, "stat after bob's chmod and chown", before, Metadata(kernel, "again"));
        Check.Succeeds(kernel.Syscall("alice", "chmod", File, LuaValue.Nil, "+w"), "chmod(path, nil, \"+w\") by alice, the owner");
        Check.Succeeds(kernel.Syscall(Modules.Root, "chown", File, "bob"), "chown(path, \"bob\") by root");
        Check.That(Metadata(kernel, "after").StartsWith("owner bob, world rwx", StringComparison.Ordinal), "stat after alice's chmod and root's chown",
            "owner bob, world rwx", Metadata(kernel, "again"));
    }

    // Each row: a mode as chmod takes it, on world r-x, and what stat must show afterwards (world bits, setuser).
    [Clause("PX-FS-CHMOD-CHOWN")]
    public void EveryModeForm_SetsTheBitsItNames(RuleContext context)
    {
        (LuaValue Mode, string Expected)[] rows =
        [
            (new LuaInteger(4), "r--, setuser false"),
            (new LuaInteger(7), "rwx, setuser false"),
            (new LuaInteger(8 | 1), "--x, setuser true"),
            (LuaString.From("+w"), "rwx, setuser false"),
            (LuaString.From("-rx"), "---, setuser false"),
            (LuaString.From("=r"), "r--, setuser false"),
            (LuaString.From("+s"), "r-x, setuser true"),
            (LuaString.From("rw-"), "rw-, setuser false"),
            (LuaString.From("r-s"), "r-x, setuser true"),
            (LuaString.From("rwx"), "rwx, setuser false"),
            (LuaString.From("--s"), "--x, setuser true"),
            (LuaTable.Record(("write", true)), "rwx, setuser false"),
            (LuaTable.Record(("read", false), ("setuser", true)), "--x, setuser true"),
        ];
        foreach (var (mode, expected) in rows)
        {
            using var kernel = Boot(context);
            var @case = $"chmod(path, nil, {mode}) by root on world r-x";
            Check.Succeeds(kernel.Syscall(Modules.Root, "chmod", File, LuaValue.Nil, mode), @case);
            var actual = Metadata(kernel, @case);
            var world = actual[(actual.IndexOf("world ", StringComparison.Ordinal) + 6)..];
            Check.That(world == expected, @case + ": stat", "world " + expected, "world " + world);
        }
    }

    [Clause("PX-FS-CHMOD-CHOWN")]
    public void NamedUserWithoutAnEntry_StartsFromTheWorldBits(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.Syscall(Modules.Root, "chmod", File, "carol", "+w"), "chmod(path, \"carol\", \"+w\") by root");
        var stat = Stat(kernel, "stat after chmod for carol");
        var carol = stat[LuaString.From("permissions")] is LuaTable entries ? entries[LuaString.From("carol")] : LuaValue.Nil;
        Check.That(Bits(carol) == "rwx", "carol's entry after \"+w\" on world r-x", "rwx (a copy of r-x, plus w)", Bits(carol));
        Check.That(Bits(stat[LuaString.From("worldPermissions")]) == "r-x", "world bits after chmod for carol", "r-x (unchanged)",
            Bits(stat[LuaString.From("worldPermissions")]));
    }

    [Clause("PX-FS-CHMOD-CHOWN")]
    public void Chown_ClearsSetuser(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.Syscall(Modules.Root, "chmod", File, LuaValue.Nil, "+s"), "chmod(path, nil, \"+s\") by root");
        Check.That(Metadata(kernel, "after +s").EndsWith("setuser true", StringComparison.Ordinal), "stat after \"+s\"", "setuser true", Metadata(kernel, "again"));
        Check.Succeeds(kernel.Syscall(Modules.Root, "chown", File, "bob"), "chown(path, \"bob\") by root");
        Check.That(Metadata(kernel, "after chown").EndsWith("setuser false", StringComparison.Ordinal), "stat after chown", "setuser false", Metadata(kernel, "again"));
    }

    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty.WithDirectory("/home/alice", "alice", "rwx").WithFile(File, "hello", "alice"));

    private static LuaTable Stat(IKernel kernel, string @case) =>
        Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall(Modules.Root, "stat", File), @case, atLeast: 1)[0], @case);

    /// <summary>Owner, world bits and setuser as one line, to compare and to print.</summary>
    private static string Metadata(IKernel kernel, string @case)
    {
        var stat = Stat(kernel, $"stat as root ({@case})");
        var owner = stat[LuaString.From("owner")] is LuaString o ? o.Text : "(none)";
        var setuser = stat[LuaString.From("setuser")] is LuaBoolean { Value: true } ? "true" : "false";
        return $"owner {owner}, world {Bits(stat[LuaString.From("worldPermissions")])}, setuser {setuser}";
    }

    /// <summary>A stat access table as "r-x" (the contract's <see cref="AccessBits"/> form), "(none)" when absent.</summary>
    private static string Bits(LuaValue access)
    {
        bool On(string key) => access is LuaTable t && t[LuaString.From(key)] is LuaBoolean { Value: true };
        return access is LuaTable ? new AccessBits(On("read"), On("write"), On("execute")).ToString() : "(none)";
    }
}
