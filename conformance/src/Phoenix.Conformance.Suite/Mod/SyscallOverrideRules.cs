using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// Built-in syscalls and modules. The page: "the syscall table is writable", and modules should not add syscalls
/// because their "names … may overwrite syscalls": a module's write to a built-in entry takes effect, for callers of
/// every kind (MOD-SYSCALL-TABLE). The module API, in contrast, is "modularized for each module": a module exporting
/// functions named like syscalls changes no syscall (MOD-CALL-SCOPE).
/// </summary>
public sealed class SyscallOverrideRules
{
    [Clause("MOD-SYSCALL-TABLE")]
    public void BuiltInEntryReplacedByModule_IsWhatCallersGet_UntilUnloadPutsItBack(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-SYSCALL-TABLE/override_getuser.lua", "override_getuser"));
        Check.Equal("wrapped alice", First(kernel.Syscall("alice", "getuser"), "getuser as alice after a module replaced it"), "getuser as alice after a module replaced it");
        Check.Equal("wrapped root", First(kernel.Syscall(Modules.Root, "getuser"), "getuser as root"), "getuser as root after a module replaced it");
        Check.Equal("wrapped bob", First(kernel.Program("bob", "return syscall.getuser()"), "bob's program"), "getuser from bob's program after a module replaced it");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "override_getuser"), "unloadmodule(\"override_getuser\")");
        Check.Equal("alice", First(kernel.Syscall("alice", "getuser"), "getuser as alice"), "getuser as alice after the module put the original back");
    }

    [Clause("MOD-CALL-SCOPE")]
    public void ModuleExportingSyscallNames_LeavesThoseSyscallsAlone(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-CALL-SCOPE/syscall_names.lua", "syscall_names")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "autoload");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.CallModule("alice", "syscall_names", "getuser"), ["module getuser"], "callmodule(\"syscall_names\", \"getuser\")");
        Check.Equal("alice", First(kernel.Syscall("alice", "getuser"), "getuser as alice"), "the getuser syscall as alice");
        Check.Equal("bob", First(kernel.Program("bob", "return syscall.getuser()"), "bob's program"), "the getuser syscall from bob's program");
        var pid = Check.Succeeds(kernel.Syscall("alice", "getpid"), "the getpid syscall as alice");
        Check.That(pid.Count == 1 && pid[0] is LuaInteger or LuaFloat, "the getpid syscall as alice", "a number", string.Join(", ", pid));
        Check.That(kernel.Answers("autoload", "alice"), "the callmodule syscall as alice", "it to reach the module autoload", "it did not");
    }

    // getuser's first value is the user; Phoenix adds the real user as a second value (facts §7).
    private static LuaValue First(SyscallResult result, string @case) =>
        Check.Succeeds(result, @case) is { Count: > 0 } values ? values[0] : LuaValue.Nil;
}
