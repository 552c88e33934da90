using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: Phoenix 0.0.9's device tree and device syscalls (facts §5.1, §5.2, §5.7).</summary>
public sealed class CompatTreeRules
{
    [Clause("PX-DRV-TREE-PATHS")]
    public void SidesAreRootChildren_AndNetworkPeripheralsSitUnderTheirModemsSide(RuleContext context)
    {
        using var kernel = BootLayout(context);
        Check.Returns(kernel.Syscall(Modules.Root, "devlookup", "mydevice_0"), ["/back/mydevice_0"], "devlookup(\"mydevice_0\")");
        // devlookup returns every node with that id: Phoenix's /redstone/left is one too.
        var lookedUp = Check.Succeeds(kernel.Syscall(Modules.Root, "devlookup", "left"), "devlookup(\"left\")");
        Check.That(lookedUp.Contains(LuaString.From("/left")), "devlookup(\"left\")", "the paths to include \"/left\"", $"({string.Join(", ", lookedUp)})");
        // Only the peripherals' nodes: the kernel's own (Phoenix's /redstone and /lo, facts §5.2) may sit beside them.
        AssertChildren(kernel, "/", ["back", "left", "top"], [.. PeripheralSpec.Sides, "mydevice_0"]);
        AssertChildren(kernel, "/back", ["mydevice_0"]);
    }

    [Clause("PX-DRV-MODEM-NODES")]
    public void ModemNodes_CarryWireless_AndOnlyWiredOnesHaveChildren(RuleContext context)
    {
        using var kernel = BootLayout(context);
        Check.Equal(false, Metadata(kernel, "/back", "wireless"), "metadata.wireless of the wired modem on back");
        Check.Equal(true, Metadata(kernel, "/top", "wireless"), "metadata.wireless of the wireless modem on top");
        AssertChildren(kernel, "/top", []);
    }

    [Clause("PX-DRV-UUID-DETERMINISTIC")]
    public void Uuids_SurviveReattachAndReboot_AndDifferByName(RuleContext context)
    {
        string Uuid(IKernel kernel, string path) => kernel.DevInfo(path).TextField("uuid") ?? "(none)";
        using var first = BootLayout(context);
        var left = Uuid(first, "/left");
        var remote = Uuid(first, "/back/mydevice_0");
        first.Detach("left");
        first.Attach(Devices.MyDevice("left"));
        Check.Equal(left, Uuid(first, "/left"), "UUID of /left after detach and reattach");
        first.Detach("mydevice_0");
        first.Attach(Devices.MyDevice("mydevice_0").Behind("back"));
        Check.Equal(remote, Uuid(first, "/back/mydevice_0"), "UUID of /back/mydevice_0 after detach and reattach");
        using var second = BootLayout(context);
        Check.Equal(left, Uuid(second, "/left"), "UUID of /left on a second boot");
        Check.That(left != remote && left != Uuid(second, "/back"), "UUIDs of /left, /back/mydevice_0 and /back", "all different", $"{left}, {remote}, {Uuid(second, "/back")}");
    }

    [Clause("PX-DRV-DEVINFO-SHAPE")]
    public void Devinfo_HasIdUuidParentDisplayNameTypesAndMetadata(RuleContext context)
    {
        using var kernel = BootLayout(context);
        var remote = kernel.DevInfo("/back/mydevice_0");
        Check.Equal("mydevice_0", remote[LuaString.From("id")], "devinfo(\"/back/mydevice_0\").id");
        Check.Equal("/back", remote[LuaString.From("parent")], "devinfo(\"/back/mydevice_0\").parent");
        Check.Equal("My Device", remote[LuaString.From("displayName")], "devinfo(\"/back/mydevice_0\").displayName");
        Check.That(remote[LuaString.From("uuid")] is LuaString && remote[LuaString.From("types")] is LuaTable && remote[LuaString.From("metadata")] is LuaTable,
            "devinfo(\"/back/mydevice_0\")", "uuid a string, types and metadata tables", remote.ToString());
        Check.Equal("/", kernel.DevInfo("/left")[LuaString.From("parent")], "devinfo(\"/left\").parent");
        Check.Returns(kernel.Syscall(Modules.Root, "devinfo", "/nowhere"), [LuaValue.Nil], "devinfo(\"/nowhere\")");
    }

    [Clause("PX-DRV-DEVCALL-ERRORS")]
    public void Devcall_FailsWithPhoenixMessages(RuleContext context)
    {
        using var kernel = BootLayout(context);
        Check.FailsWith(kernel.DevCall("/nowhere", "getProp"), "No such device", "devcall(\"/nowhere\", \"getProp\")");
        Check.FailsWith(kernel.DevCall("/left", "noSuchMethod"), "No such method", "devcall(\"/left\", \"noSuchMethod\")");
        Check.FailsWith(kernel.Syscall(Modules.Root, "devcall", 1, "getProp"), "bad argument #1 (expected string, got number)", "devcall(1, \"getProp\")");
        Check.FailsWith(kernel.Syscall(Modules.Root, "devcall", "/left", false), "bad argument #2 (expected string, got boolean)", "devcall(\"/left\", false)");
    }

    [Clause("PX-DRV-DEVFIND")]
    public void Devfind_ListsPathsOfNodesWithADriverOfThatType(RuleContext context)
    {
        using var kernel = BootLayout(context);
        var found = Check.Succeeds(kernel.Syscall(Modules.Root, "devfind", "mydevice"), "devfind(\"mydevice\")")
            .OfType<LuaString>().Select(s => s.Text).Order(StringComparer.Ordinal).ToArray();
        Check.That(found.SequenceEqual(["/back/mydevice_0", "/left"]), "devfind(\"mydevice\")", "/back/mydevice_0, /left", string.Join(", ", found));
        Check.Returns(kernel.Syscall(Modules.Root, "devfind", "mydriver"), [], "devfind(\"mydriver\") (a driver name, not a type)");
    }

    private static IKernel BootLayout(RuleContext context) => context.Boot(BootImage.Empty.WithMyDriver(context).WithPeripherals(
        Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"), PeripheralSpec.WirelessModem("top")));

    private static LuaValue Metadata(IKernel kernel, string path, string key) =>
        kernel.DevInfo(path)[LuaString.From("metadata")] is LuaTable metadata ? metadata[LuaString.From(key)] : LuaValue.Nil;

    /// <summary>The children of <paramref name="path"/> are exactly <paramref name="expected"/>, counting only names in
    /// <paramref name="considered"/> when it is given.</summary>
    private static void AssertChildren(IKernel kernel, string path, string[] expected, IReadOnlyCollection<string>? considered = null)
    {
        var values = Check.Succeeds(kernel.Syscall(Modules.Root, "devchildren", path), $"devchildren(\"{path}\")");
        var children = values.Count > 0 && values[0] is LuaTable t
            ? t.Array.Concat(t.Hash.Select(kv => kv.Value)).OfType<LuaString>().Select(s => s.Text)
                .Where(c => considered is null || considered.Contains(c)).Order(StringComparer.Ordinal).ToArray()
            : [];
        Check.That(children.SequenceEqual(expected), $"devchildren(\"{path}\")", $"[{string.Join(", ", expected)}]", $"[{string.Join(", ", children)}]");
    }
}
