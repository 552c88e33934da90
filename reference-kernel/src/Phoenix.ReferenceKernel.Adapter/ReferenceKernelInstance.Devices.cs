// Clauses: none (the adapter seam: the contract's operations onto ReferenceKernel)
// Mirrors: no Phoenix part

using Phoenix.Conformance.Abstractions.Peripherals;
using static Phoenix.ReferenceKernel.Adapter.ContractMapping;

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>Simulated peripherals through the contract (IKernelPeripherals): the DRV rules attach, detach and read
/// call logs here.</summary>
internal sealed partial class ReferenceKernelInstance
{
    public override void Attach(PeripheralSpec peripheral) => Translating(() => kernel.AttachPeripheral(ToKernel(peripheral)));

    public override void Detach(string name) => Translating(() => kernel.DetachPeripheral(name));

    public override IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name) => kernel.PeripheralLog(name).Select(ToContract).ToArray();
}
