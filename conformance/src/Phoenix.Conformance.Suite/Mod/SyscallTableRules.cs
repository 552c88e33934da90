using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-SYSCALL-TABLE: "the syscall table is writable". A module's entry is callable as a syscall. (Calling
/// it from a real user program comes with the user-mode rules.)</summary>
public sealed class SyscallTableRules
{
    [Clause("MOD-SYSCALL-TABLE")]
    public void EntryAddedByModule_IsCallableAsSyscall(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-SYSCALL-TABLE/custom_syscall.lua", "custom_syscall"));
        Check.Returns(kernel.Syscall("alice", "conformance_double", 21L), [42L], "syscall conformance_double(21) added by a module");
    }

    [Clause("MOD-SYSCALL-TABLE")]
    public void EntryRemovedByUnload_IsNoLongerCallable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-SYSCALL-TABLE/custom_syscall.lua", "custom_syscall"));
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "custom_syscall"), "unloadmodule(\"custom_syscall\")");
        // Removal must take effect. How the kernel then answers is not the page's business (Phoenix 0.0.9 returns
        // no values at all, facts §10 B13), so only "the module's function no longer runs" is checked.
        var after = kernel.Syscall("alice", "conformance_double", 21L);
        Check.That(!(after.Succeeded && after.Values.Count > 0 && after.Values[0] == 42L),
            "syscall conformance_double after the module removed it", "the removed function not to run", "it returned 42");
    }
}
