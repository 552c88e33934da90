// Clauses: none (the adapter seam: the contract's operations onto ReferenceKernel)
// Mirrors: no Phoenix part

using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.ReferenceKernel.Adapter;

[assembly: KernelAdapter("reference", typeof(ReferenceKernelAdapter))]

namespace Phoenix.ReferenceKernel.Adapter;

/// <summary>
/// The reference kernel behind the adapter contract: the runner's default (<c>--adapter reference</c>). Variant
/// kernels are built by passing other <see cref="KernelOptions"/>.
/// </summary>
public sealed class ReferenceKernelAdapter(KernelOptions? options, string name) : IKernelAdapter
{
    public ReferenceKernelAdapter()
        : this(null, "reference")
    {
    }

    public string Name { get; } = name;

    public string Version => $"0.1.0 (Phoenix {(options ?? new KernelOptions()).PhoenixVersion} semantics)";

    public IKernel Boot(BootImage image) =>
        ContractMapping.Translating(() => new ReferenceKernelInstance(ReferenceKernel.Boot(ContractMapping.ToKernel(image), options)));
}
