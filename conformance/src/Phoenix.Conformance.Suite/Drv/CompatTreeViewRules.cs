using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: the other views of the device tree Phoenix 0.0.9 gives (facts §5.1, §5.7, §8): the kernel
/// global deviceTreeRoot modules read and devinfo's copy of a node's metadata. From surviving mutants of
/// devices.lua.</summary>
public sealed class CompatTreeViewRules
{
    [Clause("PX-DRV-TREE-GLOBAL")]
    public void DeviceTreeRoot_IsTheRootNode(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/tree_view.lua", "tree_view").WithPeripheral(Devices.MyDevice("left"));
        using var kernel = context.Boot(image);
        var uuid = kernel.DevInfo("/").TextField("uuid") ?? "(none)";
        Check.Returns(kernel.CallModule(Modules.Root, "tree_view", "root"), ["table", uuid, true, "left", true],
            "deviceTreeRoot in a module: type, uuid (devinfo(\"/\")'s), no parent, children.left's id, children.left's parent is it");
    }

    [Clause("PX-DRV-DEVINFO-SHAPE")]
    public void Devinfo_MetadataWithASharedSubtable_KeepsBothKeys(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/shared_metadata.lua", "shared_metadata").WithPeripheral(Devices.MyDevice("left"));
        using var kernel = context.Boot(image);
        const string program = "local info = syscall.devinfo('/left')\nlocal m = info.metadata\n" +
            "return type(m.first), type(m.first) == 'table' and m.first.n, type(m.second), type(m.second) == 'table' and m.second.n";
        Check.Returns(kernel.Program("alice", program), ["table", 1L, "table", 1L],
            "devinfo(\"/left\").metadata of a node whose metadata holds one table as first and second: type and n of each");
    }
}

