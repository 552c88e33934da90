using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: the process globals modules use to find processes (facts §7, §8): the caller's handle is the
/// kernel's entry for it, and KERNEL is process 0.</summary>
public sealed class CompatKernelGlobalRules
{
    [Clause("PX-MOD-KERNEL-GLOBALS")]
    public void ProcessesGlobal_HoldsTheCallerAndKernel(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/kernel_view.lua", "kernel_view"));
        // alice again last: her entry must still be hers once others have processes too.
        foreach (var user in new[] { "alice", "bob", Modules.Root, "alice" })
        {
            Check.Returns(kernel.CallModule(user, "kernel_view", "view"), [true, "table", "kernel", 0L, "root", true],
                $"as {user}: processes[process.id] is the caller's handle, type(KERNEL), KERNEL.name, .id, .user, processes[0] is KERNEL");
        }
    }

    [Clause("PX-MOD-KERNEL-GLOBALS")]
    public void KernelAndCallerProcess_HaveTheirFields(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/kernel_view.lua", "kernel_view"));
        foreach (var user in new[] { "alice", Modules.Root })
        {
            Check.Returns(kernel.CallModule(user, "kernel_view", "fields"), ["/", "/", true, "table", 0L, "<main thread>", true],
                $"as {user}: KERNEL.dir, KERNEL.root, not process.isDead, type(process.threads[0]), its id, name, not paused");
        }
    }
}
