// Clauses: none (the adapter seam: the contract's operations onto ReferenceKernel)
// Mirrors: no Phoenix part

using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Contract = Phoenix.Conformance.Abstractions.Kernel;
using static Phoenix.ReferenceKernel.Adapter.ContractMapping;

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>One booted reference kernel seen through the contract; every value and exception crosses
/// <see cref="ContractMapping"/>.</summary>
internal sealed partial class ReferenceKernelInstance(ReferenceKernel kernel) : KernelBase
{
    public override Contract.SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        Translating(() => ToContract(kernel.Syscall(user, name, args)));

    public override IReadOnlyList<SyslogEntry> ReadSyslog() => kernel.Syslog.Entries.Select(ToContract).ToArray();

    public override Contract.SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        Translating(() => ToContract(kernel.RunUserChunk(user, source, args)));

    protected override void Dispose(bool disposing)
    {
        if (disposing) kernel.Dispose();
        base.Dispose(disposing);
    }
}
