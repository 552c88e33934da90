using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Reporting.Tests.Canned;

/// <summary>
/// Fake rules with one of each outcome, tagged with real clauses. They never boot a kernel, so CLI tests are fast
/// and their outcomes do not depend on the reference kernel or on the suite's real rules.
/// </summary>
public sealed class CannedRules
{
    [Clause("MOD-AUTOLOAD")]
    public void Module_AtBoot_IsLoaded(RuleContext context) => context.Cancellation.ThrowIfCancellationRequested();

    [Clause("MOD-API")]
    public void Callmodule_ReturnsApiResult(RuleContext context) =>
        throw new RuleViolationException("MOD-API callmodule(echo.ping): expected 42, observed nil\n  syscall: callmodule(\"echo\", \"ping\")\n  result: nil");

    [Clause("MOD-UNLOAD")]
    public void Unloadmodule_CallsUnload(RuleContext context) => throw new InvalidOperationException("kernel crashed | while unloading");

    [Clause("MOD-UNLOAD-REVERSES")]
    public void Unload_ReversesGlobals(RuleContext context) => throw new NotSupportedByAdapterException("RunUserChunk");

    [Clause("MOD-SUBDIR")]
    public void Subdirectory_Hangs(RuleContext context)
    {
        // Stands for a kernel that never answers: runs until the time limit cancels it.
        context.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        context.Cancellation.ThrowIfCancellationRequested();
    }

    [Clause("PX-MOD-BOOT-ORDER")]
    public void BootModules_LoadInSortedOrder(RuleContext context) =>
        throw new RuleViolationException("PX-MOD-BOOT-ORDER boot order: expected [a, b], observed [b, a]");

    [Clause("PX-MOD-LISTMODULES")]
    public void Listmodules_ListsLoaded(RuleContext context)
    {
    }
}
