using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Protocol.Tests.Workers;

/// <summary>Rules with known behaviour for the worker tests (run through the CLI with --filter by rule ID): one whose
/// kernel calls never end, one whose kernel grows, one that passes.</summary>
public sealed class WorkerRules
{
    [Clause("MOD-API")]
    public void Kernel_KeepsTheWorkerBusyForever(RuleContext context)
    {
        var kernel = context.Boot(BootImage.Empty);
        while (true) kernel.Syscall("root", "getpid");
    }

    [Clause("MOD-API")]
    public void Kernel_GrowsPastTheMemoryCap(RuleContext context)
    {
        var kernel = context.Boot(BootImage.Empty);
        // About 100 MB held by the user's environment, then calls until the watchdog ends the worker.
        kernel.RunUserChunk("root", "hoard = {} for i = 1, 100 do hoard[i] = string.rep('x', 1048576 - 8) .. string.format('%08d', i) end");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until) kernel.Syscall("root", "getpid");
    }

    [Clause("MOD-API")]
    public void Kernel_Answers(RuleContext context)
    {
        var kernel = context.Boot(BootImage.Empty);
        if (!kernel.Syscall("root", "getpid").Succeeded) throw new InvalidOperationException("getpid failed");
    }
}
