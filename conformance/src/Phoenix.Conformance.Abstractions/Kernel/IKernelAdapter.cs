using Phoenix.Conformance.Abstractions.Boot;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// The seam between the suite and a kernel: boots a fresh kernel from a boot image for every rule.
/// See conformance/ADAPTER-CONTRACT.md.
/// </summary>
public interface IKernelAdapter
{
    /// <summary>Short identifier used in reports and output folders, for example "reference".</summary>
    string Name { get; }

    /// <summary>Version of the kernel under test, for reports.</summary>
    string Version { get; }

    /// <summary>Boots a kernel. Throws <see cref="KernelBootException"/> when the image cannot be booted.</summary>
    IKernel Boot(BootImage image);
}
