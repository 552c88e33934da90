// Clauses: none (the adapter seam: the contract's operations onto ReferenceKernel)
// Mirrors: no Phoenix part

using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>One booted reference kernel seen through the contract.</summary>
internal sealed partial class ReferenceKernelInstance(ReferenceKernel kernel) : KernelBase
{
    public override SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        kernel.Syscall(user, name, args);

    public override IReadOnlyList<SyslogEntry> ReadSyslog() => kernel.Syslog.Entries.ToArray();

    public override SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        kernel.RunUserChunk(user, source, args);

    protected override void Dispose(bool disposing)
    {
        if (disposing) kernel.Dispose();
        base.Dispose(disposing);
    }
}
