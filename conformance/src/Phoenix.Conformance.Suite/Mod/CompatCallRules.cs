using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: Phoenix 0.0.9's listmodules, unloadmodule and callmodule details (facts §1, §3).</summary>
public sealed class CompatCallRules
{
    [Clause("PX-MOD-LISTMODULES")]
    public void Listmodules_AsAnyUser_ListsLoadedModules(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "one")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "two");
        using var kernel = context.Boot(image);
        var list = Check.Succeeds(kernel.Syscall("alice", "listmodules"), "listmodules as alice");
        Check.ListContains(list[0], "one", true, "listmodules");
        Check.ListContains(list[0], "two", true, "listmodules");
    }

    [Clause("PX-MOD-UNLOAD-ARGS")]
    public void Unload_IsCalledWithCallersProcessAndThread(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context).WithModule(context, "MOD-UNLOAD/unloadable.lua", "unloadable");
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "unloadable"), "unloadmodule");
        Check.Returns(kernel.Witness("unloadArgs", "processType"), ["table"], "type of unload's first argument");
        Check.Returns(kernel.Witness("unloadArgs", "processUser"), ["root"], "user of unload's first argument");
        Check.Returns(kernel.Witness("unloadArgs", "threadType"), ["table"], "type of unload's second argument");
    }

    [Clause("PX-MOD-UNLOAD-UNKNOWN")]
    public void Unloadmodule_OfUnknownName_Succeeds(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "never_loaded"), "unloadmodule(\"never_loaded\")");
    }

    [Clause("PX-MOD-CALLMODULE-ERRORS")]
    public void Callmodule_Errors_UsePhoenixMessages(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-UNLOAD/unloadable.lua", "unloadable")
            .WithModule(context, "MOD-UNLOAD-OPTIONAL/returns_nothing.lua", "returns_nothing");
        using var kernel = context.Boot(image);
        Check.FailsWith(kernel.CallModule("alice", "missing", "f"), "Module 'missing' does not exist", "callmodule to a missing module");
        Check.FailsWith(kernel.CallModule("alice", "returns_nothing", "f"), "Module 'returns_nothing' does not have a callable interface", "callmodule to a module stored as true");
        Check.FailsWith(kernel.CallModule("alice", "unloadable", "nope"), "Module 'unloadable' does not have a method 'nope'", "callmodule to a missing function");
        Check.FailsWith(kernel.CallModule("alice", "unloadable", "unload"), "Module 'unloadable' does not have a method 'unload'", "callmodule to unload");
    }

    [Clause("PX-MOD-ARG-CHECKS")]
    public void ModuleSyscalls_WithWrongArgumentTypes_ReportBadArgument(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        Check.FailsWith(kernel.Syscall(Modules.Root, "loadmodule", 5L), "bad argument #1 (expected string, got number)", "loadmodule(5)");
        Check.FailsWith(kernel.Syscall(Modules.Root, "unloadmodule", true), "bad argument #1 (expected string, got boolean)", "unloadmodule(true)");
        Check.FailsWith(kernel.Syscall("alice", "callmodule", "m"), "bad argument #2 (expected string, got nil)", "callmodule(\"m\")");
    }

    [Clause("PX-MOD-ARG-CHECKS")]
    public void Callmodule_WithANonStringName_ReportsBadArgumentOne(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        Check.FailsWith(kernel.Syscall("alice", "callmodule", 5L, "f"), "bad argument #1 (expected string, got number)", "callmodule(5, \"f\")");
        Check.FailsWith(kernel.Syscall("alice", "callmodule"), "bad argument #1 (expected string, got nil)", "callmodule()");
    }
}
