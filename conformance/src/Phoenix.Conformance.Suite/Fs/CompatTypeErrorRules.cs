using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>COMPAT: how Phoenix's filesystem syscalls refuse wrong arguments (kernel expect, facts §1.5: "bad argument
/// #N (expected T, got U)", numbered from the first user argument; chmod's mode check, §4.5). Only the number and the
/// "got" part are compared: whether " to '&lt;name&gt;'" appears is open (facts §11.1), and a kernel position may come first.</summary>
public sealed class CompatTypeErrorRules
{
    private const string M = RecordingFs.MountPoint;

    // Each call has one argument of a wrong type; Index is its 1-based position among the user arguments.
    private static readonly (string Syscall, LuaValue[] Args, int Index)[] Calls =
    [
        ("open", [42L, "r"], 1), ("open", [M + "/f", 42L], 2),
        // stat's nolink is not type-checked by Phoenix 0.0.9 (observed), so it is not here.
        ("list", [42L], 1), ("stat", [42L], 1),
        ("remove", [42L], 1), ("mkdir", [42L], 1),
        ("rename", [42L, M + "/b"], 1), ("rename", [M + "/a", 42L], 2),
        ("chmod", [42L, "alice", "rw-"], 1), ("chmod", [M + "/f", 42L, "rw-"], 2), ("chmod", [M + "/f", "alice", true], 3),
        ("chown", [42L, "bob"], 1), ("chown", [M + "/f", 42L], 2),
        ("mount", [42L, "s", M], 1), ("mount", ["recfs", 42L, M], 2), ("mount", ["recfs", "s", 42L], 3), ("mount", ["recfs", "s", "/media/other", 42L], 4),
        ("unmount", [42L], 1), ("combine", [42L, "a"], 1),
        ("link", [42L, "/target"], 1), ("link", [M + "/l", 42L], 2), ("mkfifo", [42L], 1),
    ];

    [Clause("PX-FS-TYPE-ERRORS")]
    public void WrongArgumentTypes_AreRefusedWithTheirNumber(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var (syscall, args, index) in Calls)
        {
            var @case = $"{syscall}({string.Join(", ", args.Select(a => a.ToString()))}) as alice";
            var first = Check.Fails(kernel.Syscall("alice", syscall, args), @case);
            var got = args[index - 1].TypeName;
            Check.That(first.Contains($"bad argument #{index}", StringComparison.Ordinal) && first.Contains($"got {got})", StringComparison.Ordinal),
                $"{@case}: first line of the error", $"\"bad argument #{index} (expected …, got {got})\"", $"\"{first}\"");
        }
        Check.That(kernel.Calls("mount").Count + kernel.Recording().Count(c => c.Method != "stat") == 0, "the refused calls",
            "no call of a recfs method", string.Join("; ", kernel.Recording()));
    }

    // chmod's mode takes three types, which expect lists in the order the kernel checks them, the last after ", or"
    // (facts §1.5; Phoenix's chmod checks number, string, table, facts §4.5). Only the parenthesised part is compared.
    [Clause("PX-FS-TYPE-ERRORS")]
    public void ChmodWithAModeOfAnotherType_NamesTheThreeModeTypesInOrder(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        const string @case = "chmod(\"/media/disk/f\", \"alice\", true) as alice";
        var first = Check.Fails(kernel.Syscall("alice", "chmod", M + "/f", "alice", true), @case);
        Check.That(first.Contains("(expected number, string, or table, got boolean)", StringComparison.Ordinal), $"{@case}: first line of the error",
            "\"bad argument #3 (expected number, string, or table, got boolean)\"", $"\"{first}\"");
    }

    // combine checks every part, not only the first: a nil in the middle or at the end is counted where it stands
    // (a kernel that counts its arguments with # loses the trailing one). Only the number and the type are compared.
    [Clause("PX-FS-TYPE-ERRORS")]
    public void CombineWithALaterPartNotAString_IsRefusedWithItsNumber(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        (LuaValue[] Args, int Index)[] rows = [(["a", "b", LuaValue.Nil], 3), (["a", LuaValue.Nil, "b"], 2), (["/a", "b", "c", true], 4)];
        foreach (var (args, index) in rows)
        {
            var @case = $"combine({string.Join(", ", args.Select(a => a.ToString()))})";
            var first = Check.Fails(kernel.Syscall("alice", "combine", args), @case);
            var got = args[index - 1].TypeName;
            Check.That(first.Contains($"bad argument #{index}", StringComparison.Ordinal) && first.Contains($"got {got})", StringComparison.Ordinal),
                $"{@case}: first line of the error", $"\"bad argument #{index} (… got {got})\"", $"\"{first}\"");
        }
    }

    // Each mode table has one field of a wrong type. Phoenix checks them with expect.field, whose message names the
    // field and the type it got; what it says it expected ("boolean" or "boolean or nil") is left open.
    [Clause("PX-FS-TYPE-ERRORS")]
    public void ChmodWithAModeTableFieldNotBoolean_IsRefusedNamingTheField(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        (string Field, LuaValue Value)[] rows = [("read", "yes"), ("write", 1L), ("execute", new LuaTable([]))];
        foreach (var (field, value) in rows)
        {
            var @case = $"chmod(\"/media/disk/f\", nil, {{{field} = {value}}})";
            var first = Check.Fails(kernel.Syscall("alice", "chmod", M + "/f", LuaValue.Nil, LuaTable.Record((field, value))), @case);
            Check.That(first.StartsWith($"bad field \"{field}\"", StringComparison.Ordinal) && first.EndsWith($"got {value.TypeName})", StringComparison.Ordinal),
                $"{@case}: first line of the error", $"\"bad field \"{field}\" (expected …, got {value.TypeName})\"", $"\"{first}\"");
        }
        Check.That(kernel.Calls("chmod").Count == 0, "chmod with malformed mode tables", "no call of the mount's chmod", string.Join("; ", kernel.Calls("chmod")));
        Check.Succeeds(kernel.Syscall("alice", "chmod", M + "/f", LuaValue.Nil, LuaTable.Record(("read", true), ("execute", false))),
            "chmod(\"/media/disk/f\", nil, {read = true, execute = false}) (write left nil)");
    }

    [Clause("PX-FS-TYPE-ERRORS")]
    public void ChmodWithAMalformedModeString_IsRefused(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var mode in new[] { "rwz", "+", "rw", "x+" })
        {
            Check.FailsWith(kernel.Syscall("alice", "chmod", M + "/f", LuaValue.Nil, mode), "bad argument #3 (invalid mode)", $"chmod(\"/media/disk/f\", nil, \"{mode}\")");
        }
        Check.That(kernel.Calls("chmod").Count == 0, "chmod with malformed modes", "no call of the mount's chmod", string.Join("; ", kernel.Calls("chmod")));
    }
}
