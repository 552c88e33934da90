using System.Text;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Phoenix.Testing.Snapshots;

namespace Phoenix.ReferenceKernel.Tests.Devices;

/// <summary>The device tree the reference kernel builds for a fixture layout (sides, a wired modem with a network,
/// a wireless modem, the page's drivers and the recording drivers), pinned as a snapshot: paths, UUIDs, display
/// names and the driver bound per type. A change to population or binding shows up as a diff to review.</summary>
public class DeviceTreeSnapshotTests
{
    private static string Fixture(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", path));

    public static BootImage Layout() => BootImage.Empty
        .WithFile("/lib/modules/mydriver.lua", Fixture("DRV-SHAPE/mydriver.lua"))
        .WithFile("/lib/modules/rootshape.lua", Fixture("DRV-SHAPE/rootshape.lua"))
        .WithFile("/lib/modules/recdrivers.lua", Fixture("DRV-METHOD-ARGS/recdrivers.lua"))
        .WithPeripheral(PeripheralSpec.Device("left", "mydevice").WithMethod("getProp", PeripheralMethod.Returns(42)))
        .WithPeripheral(PeripheralSpec.Device("right", "computer"))
        .WithPeripheral(PeripheralSpec.Device("bottom", "other"))
        .WithPeripheral(PeripheralSpec.WirelessModem("top"))
        .WithPeripheral(PeripheralSpec.Device("mydevice_0", "mydevice").Behind("back"))
        .WithPeripheral(PeripheralSpec.Device("multi_0", "inventory", "alpha", "beta").Behind("back"));

    [Test]
    public void FixtureLayout_Boot_BuildsTreeWithBoundDrivers()
    {
        using var kernel = ReferenceKernel.Boot(Layout());
        var text = new StringBuilder();
        Describe(kernel, "/", text);
        Snapshot.Match(text.ToString(), nameof(DeviceTreeSnapshotTests));
    }

    private static void Describe(ReferenceKernel kernel, string path, StringBuilder text)
    {
        var info = (LuaTable)kernel.Syscall("root", "devinfo", [path]).Values[0];
        LuaValue Field(string key) => info[LuaString.From(key)];
        static string Text(LuaValue value) => value is LuaString s ? s.Text : value.ToString();
        var drivers = ((LuaTable)Field("types")).Hash.Select(kv => $"{Text(kv.Key)} -> {Text(kv.Value)}").Order(StringComparer.Ordinal);
        text.AppendLine($"{path,-18} {Text(Field("uuid"))}  displayName \"{Text(Field("displayName"))}\"  [{string.Join(", ", drivers)}]");
        var children = (LuaTable)kernel.Syscall("root", "devchildren", [path]).Values[0];
        foreach (var child in children.Array.OfType<LuaString>())
        {
            Describe(kernel, (path == "/" ? "/" : path + "/") + child.Text, text);
        }
    }
}
