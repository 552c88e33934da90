using Phoenix.Conformance.Harness.Adapters;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>"prefix:argument" adapter names: craftos:&lt;dir&gt; reaches the CraftOS adapter with the directory.</summary>
public class AdapterRegistryTests
{
    [Test]
    public void PrefixedName_CreatesTheAdapterWithTheArgument()
    {
        var adapter = AdapterRegistry.Create("craftos:" + RepositoryPaths.TinyKernel);
        Assert.Multiple(() =>
        {
            Assert.That(adapter, Is.InstanceOf<CraftOsAdapter>());
            Assert.That(adapter.Name, Is.EqualTo("craftos-tiny-0.1.0"), "the name Tiny gives itself");
        });
    }

    [Test]
    public void ExactName_StillWorks() => Assert.That(AdapterRegistry.Create("craftos"), Is.InstanceOf<CraftOsAdapter>());

    [Test]
    public void UnknownPrefix_IsAnUnknownAdapter() =>
        Assert.Throws<UnknownAdapterException>(() => AdapterRegistry.Create("nosuchthing:/tmp"));

    [Test]
    public void KernelDirectoryWithoutKernelLua_IsRefusedByName_BeforeAnyBoot()
    {
        var refused = Assert.Throws<UnknownAdapterException>(() => AdapterRegistry.Create("craftos:" + RepositoryPaths.Root));
        Assert.That(refused!.Message, Does.Contain("no kernel.lua in"));
        var missing = Assert.Throws<UnknownAdapterException>(() => AdapterRegistry.Create("craftos:/nonexistent/kernel"));
        Assert.That(missing!.Message, Does.Contain("no such kernel directory"));
    }
}
