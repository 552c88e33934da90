using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>Base class for adapters' booted kernels: every operation defaults to "not supported".</summary>
public abstract class KernelBase : IKernel
{
    public virtual SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        throw new NotSupportedByAdapterException(nameof(Syscall));

    public virtual IReadOnlyList<SyslogEntry> ReadSyslog() =>
        throw new NotSupportedByAdapterException(nameof(ReadSyslog));

    public virtual SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        throw new NotSupportedByAdapterException(nameof(RunUserChunk));

    public virtual void Attach(PeripheralSpec peripheral) =>
        throw new NotSupportedByAdapterException(nameof(Attach));

    public virtual void Detach(string name) =>
        throw new NotSupportedByAdapterException(nameof(Detach));

    public virtual IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name) =>
        throw new NotSupportedByAdapterException(nameof(ReadPeripheralLog));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Shuts the kernel down and frees what it holds.</summary>
    protected virtual void Dispose(bool disposing) { }
}
