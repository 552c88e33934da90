using MyKernel.Adapter;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;

// The suite finds the adapter by this name: phoenix-conformance run --adapter mykernel --adapter-path <bin folder>.
[assembly: KernelAdapter("mykernel", typeof(MyKernelAdapter))]

namespace MyKernel.Adapter;

/// <summary>
/// Boots your kernel once per rule from a boot image (files with owners and permissions, peripherals, kernel
/// arguments). Until <see cref="Boot"/> is written, every rule reports that the kernel did not boot, with this
/// message. The contract (what each operation must do, which rules use it) is ADAPTER-CONTRACT.md in the suite's
/// repository.
/// </summary>
public sealed class MyKernelAdapter : IKernelAdapter
{
    public string Name => "mykernel";

    public string Version => "0.0.0";

    public IKernel Boot(BootImage image) =>
        throw new KernelBootException("MyKernelAdapter.Boot is not written yet: install the image's files, start the kernel, return an IKernel (extend KernelBase).");
}
