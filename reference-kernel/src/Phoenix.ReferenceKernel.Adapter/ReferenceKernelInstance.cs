using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>One booted reference kernel seen through the contract. User-mode chunks and peripherals come with the
/// user-mode and device-driver issues; until then the base class answers "not supported".</summary>
internal sealed partial class ReferenceKernelInstance(ReferenceKernel kernel) : KernelBase
{
    public override SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        kernel.Syscall(user, name, args);

    public override IReadOnlyList<SyslogEntry> ReadSyslog() => kernel.Syslog.Entries.ToArray();

    protected override void Dispose(bool disposing)
    {
        if (disposing) kernel.Dispose();
        base.Dispose(disposing);
    }
}
