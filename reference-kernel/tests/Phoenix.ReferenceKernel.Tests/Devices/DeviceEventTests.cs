using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Phoenix.ReferenceKernel.Devices;

namespace Phoenix.ReferenceKernel.Tests.Devices;

/// <summary>Attach and detach events and driver failures: a driver that fails to bind stops the kernel, as Phoenix
/// 0.0.9 does (facts §10 B5); a deinit that throws is logged.</summary>
public class DeviceEventTests
{
    private const string Throwing =
        "registerDriver({ name = 'bad', type = 'mydevice', properties = {}, methods = { ok = function() return 1 end },\n" +
        "  init = function() error('start failed') end, deinit = function() error('stop failed') end })\nreturn {}";

    private static LuaValue Info(ReferenceKernel kernel, string path, string field) =>
        kernel.Syscall("root", "devinfo", [path]).Values is [LuaTable info, ..] ? info[LuaString.From(field)] : LuaValue.Nil;

    [Test]
    public void ThrowingInit_AtBoot_PanicsTheKernel()
    {
        var image = BootImage.Empty.WithFile("/lib/modules/bad.lua", Throwing).WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        var stopped = Assert.Throws<KernelStoppedException>(() => ReferenceKernel.Boot(image).Dispose());
        Assert.That(stopped!.Message, Does.Contain("Kernel panic: An error occurred while registering devices").And.Contain("start failed"));
    }

    [Test]
    public void ThrowingInit_OnHotAttach_StopsTheKernel_AndLaterOperationsThrow()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/bad.lua", Throwing));
        var stopped = Assert.Throws<KernelStoppedException>(() => kernel.AttachPeripheral(PeripheralSpec.Device("net_0", "mydevice").Behind("back")));
        Assert.Multiple(() =>
        {
            Assert.That(stopped!.Message, Does.Contain("start failed"));
            Assert.That(kernel.Syslog.Entries.Any(e => e.Level == SyslogLevel.Critical && e.Message.Contains("start failed")), Is.True);
            Assert.Throws<KernelStoppedException>(() => kernel.Syscall("root", "getpid", []));
        });
    }

    [Test]
    public void ThrowingDeinit_OnDetach_IsLogged_AndTheKernelGoesOn()
    {
        const string deinitThrows = "registerDriver({ name = 'bad', type = 'mydevice', properties = {}, methods = {},\n" +
            "  deinit = function() error('stop failed') end })\nreturn {}";
        var image = BootImage.Empty.WithFile("/lib/modules/bad.lua", deinitThrows).WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        using var kernel = ReferenceKernel.Boot(image);
        kernel.DetachPeripheral("left");
        Assert.Multiple(() =>
        {
            Assert.That(kernel.Syslog.Entries.Any(e => e.Level == SyslogLevel.Error && e.Message.Contains("stop failed")), Is.True);
            Assert.That(kernel.Syscall("root", "devinfo", ["/left"]).Values, Is.EqualTo(new LuaValue[] { LuaValue.Nil }));
        });
    }

    [Test]
    public void RunawayInit_IsStoppedByTheBudget_AndPanicsTheBoot()
    {
        var image = BootImage.Empty
            .WithFile("/lib/modules/loop.lua", "registerDriver({ name = 'loop', type = 'mydevice', properties = {}, methods = {}, init = function() while true do end end })")
            .WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        var options = new KernelOptions { Engine = new Phoenix.Lua.LuaEngineOptions { InstructionBudget = 1_000_000 } };
        Assert.Throws<KernelStoppedException>(() => ReferenceKernel.Boot(image, options).Dispose());
    }

    [Test]
    public void Uuids_AreVersion5_AndDependOnParentAndName()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty.WithPeripheral(PeripheralSpec.WiredModem("back")));
        var root = NodeUuid.Derive(NodeUuid.RootNamespace, "0"u8);
        Assert.Multiple(() =>
        {
            Assert.That(Info(kernel, "/", "uuid"), Is.EqualTo((LuaValue)root));
            Assert.That(Info(kernel, "/back", "uuid"), Is.EqualTo((LuaValue)NodeUuid.Derive(root, "back"u8)));
            Assert.That(root[14], Is.EqualTo('5'));
            Assert.That(NodeUuid.Derive(root, "back"u8), Is.Not.EqualTo(NodeUuid.Derive(root, "front"u8)));
        });
    }

    [Test]
    public void DetachOfNetworkPeripheral_RemovesOnlyItsNode()
    {
        var image = BootImage.Empty
            .WithPeripheral(PeripheralSpec.Device("net_0", "alpha").Behind("back"))
            .WithPeripheral(PeripheralSpec.Device("net_1", "alpha").Behind("back"));
        using var kernel = ReferenceKernel.Boot(image);
        kernel.DetachPeripheral("net_0");
        var children = (LuaTable)kernel.Syscall("root", "devchildren", ["/back"]).Values[0];
        Assert.That(children.Array, Is.EqualTo(new LuaValue[] { "net_1" }));
    }
}
