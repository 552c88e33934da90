using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.ReferenceKernel;
using Phoenix.ReferenceKernel.Adapter;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>A reference kernel with one deliberate defect, and the clause that defect breaks.</summary>
/// <param name="Name">Short name, used as the adapter name in failure messages.</param>
/// <param name="Breaks">The clause ID whose rules must catch it.</param>
/// <param name="Defect">What is wrong with it, in a sentence.</param>
public sealed record BrokenKernel(string Name, string Breaks, string Defect, KernelOptions Options)
{
    /// <summary>A kernel whose Lua glue has one part replaced (see Scripting/kmod.lua for the parts).</summary>
    public static BrokenKernel Patched(string name, string breaks, string defect, string lua) =>
        new(name, breaks, defect, new KernelOptions { ExtraScripts = [new KernelScript(name, "local env, host, kernel = ...\n" + lua)] });

    public IKernelAdapter Adapter => new ReferenceKernelAdapter(Options, "broken:" + Name);

    public override string ToString() => $"{Name} (breaks {Breaks}: {Defect})";
}
