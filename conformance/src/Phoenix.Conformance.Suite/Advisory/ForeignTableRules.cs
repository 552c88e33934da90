using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Advisory;

/// <summary>
/// ADV-USER-FOREIGN-METAMETHODS serves "Make sure to secure all usermode-accessible code (such as kernel API functions
/// and filesystem methods) to avoid creating security vulnerabilities." A module that passes values between users
/// (fixtures/ADV-USER/mailbox.lua) is ordinary; if a table keeps the metatable its author gave it, the author's
/// metamethods run in whichever process touches it, with that process's privileges.
/// </summary>
public sealed class ForeignTableRules
{
    [Clause("ADV-USER-FOREIGN-METAMETHODS")]
    public void TableWithIndexMetamethod_HandedToRoot_DoesNotRunAlicesCodeAsRoot(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "ADV-USER/mailbox.lua", "mailbox"));
        const string alice =
            "local syscall = syscall " +
            "local trap = setmetatable({}, { __index = function() return 'alice code ran as ' .. tostring(syscall.getuser()) end }) " +
            "return syscall.callmodule('mailbox', 'put', trap)";
        var put = kernel.Program("alice", alice);
        var read = kernel.Program(Modules.Root, "local t = syscall.callmodule('mailbox', 'take') return type(t) == 'table' and t.anything or nil");
        var leaked = read.Succeeded && read.Values.Count > 0 && read.Values[0] is LuaString s && s.Text.StartsWith("alice code ran as", StringComparison.Ordinal);
        Check.That(!leaked,
            $"attack: (1) alice passes mailbox.put a table whose __index is her function, returning 'alice code ran as ' .. syscall.getuser() ({(put.Succeeded ? "accepted" : "refused: " + put.ErrorFirstLine)}); " +
            "(2) root's program gets it with callmodule('mailbox', 'take') and reads t.anything",
            "alice's function not to run in root's program", $"root read {read}");
    }

    /// <summary>The same attack one level down: the trap travels inside a plain table, as values in a record do.</summary>
    [Clause("ADV-USER-FOREIGN-METAMETHODS")]
    public void TrapInsideAPlainTable_HandedToRoot_DoesNotRunAlicesCodeAsRoot(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "ADV-USER/mailbox.lua", "mailbox"));
        const string alice =
            "local syscall = syscall " +
            "local trap = setmetatable({}, { __index = function() return 'alice code ran as ' .. tostring(syscall.getuser()) end }) " +
            "return syscall.callmodule('mailbox', 'put', { note = trap })";
        var put = kernel.Program("alice", alice);
        var read = kernel.Program(Modules.Root,
            "local t = syscall.callmodule('mailbox', 'take') return type(t) == 'table' and type(t.note) == 'table' and t.note.anything or nil");
        var leaked = read.Succeeded && read.Values.Count > 0 && read.Values[0] is LuaString s && s.Text.StartsWith("alice code ran as", StringComparison.Ordinal);
        Check.That(!leaked,
            $"attack: (1) alice passes mailbox.put {{ note = trap }}, trap's __index being her function returning 'alice code ran as ' .. syscall.getuser() ({(put.Succeeded ? "accepted" : "refused: " + put.ErrorFirstLine)}); " +
            "(2) root's program gets it with callmodule('mailbox', 'take') and reads t.note.anything",
            "alice's function not to run in root's program", $"root read {read}");
    }
}
