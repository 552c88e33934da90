// Clauses: none (the adapter seam: contract types <-> the reference kernel's own)
// Mirrors: no Phoenix part

using Phoenix.ReferenceKernel.Logging;
using Contract = Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>
/// The one place where the contract's types and the reference kernel's own meet. The kernel knows nothing of the
/// adapter contract (README, "Project graph"): it has its own boot image, syscall result, syslog entries and stop and
/// boot exceptions, so the contract can change for adapter authors without touching the kernel, and the kernel can
/// grow without widening the contract. Each mapping is plain copying; ContractMappingTests pins that nothing is lost.
/// </summary>
public static partial class ContractMapping
{
    public static Contract.SyscallResult ToContract(SyscallResult result) =>
        result.Succeeded ? Contract.SyscallResult.Success(result.Values) : Contract.SyscallResult.Failure(result.ErrorValue!);

    public static Contract.SyslogEntry ToContract(SyslogEntry entry) =>
        new(ToContract(entry.Level), entry.Message, entry.Module, entry.Category) { TimestampMs = entry.TimestampMs };

    /// <summary>By value: both are Phoenix's levels 0 (debug) to 6 (panic).</summary>
    public static Contract.SyslogLevel ToContract(SyslogLevel level) => (Contract.SyslogLevel)(int)level;

    /// <summary>Runs a kernel operation and turns the kernel's stop and boot exceptions into the contract's, with the
    /// same message (the evidence rules and reports show) and the kernel's exception inside.</summary>
    public static T Translating<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (KernelStoppedException e)
        {
            throw new Contract.KernelStoppedException(e.Message, e);
        }
        catch (KernelBootException e)
        {
            throw new Contract.KernelBootException(e.Message, e);
        }
    }

    /// <inheritdoc cref="Translating{T}(Func{T})"/>
    public static void Translating(Action operation) => Translating(() =>
    {
        operation();
        return true;
    });
}
