using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Abstractions.Values;
using Phoenix.ReferenceKernel.Devices;

namespace Phoenix.ReferenceKernel.Tests.Devices;

/// <summary>Attach and detach events and driver failures: driver code never takes the reference kernel down.</summary>
public class DeviceEventTests
{
    private const string Throwing =
        "registerDriver({ name = 'bad', type = 'mydevice', properties = {}, methods = { ok = function() return 1 end },\n" +
        "  init = function() error('start failed') end, deinit = function() error('stop failed') end })\nreturn {}";

    private static LuaValue Info(ReferenceKernel kernel, string path, string field) =>
        kernel.Syscall("root", "devinfo", [path]).Values is [LuaTable info, ..] ? info[LuaString.From(field)] : LuaValue.Nil;

    [Test]
    public void ThrowingInitAndDeinit_AtBootAndHotAttach_AreLogged_AndTheKernelGoesOn()
    {
        var image = BootImage.Empty.WithFile("/lib/modules/bad.lua", Throwing).WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        using var kernel = ReferenceKernel.Boot(image);
        kernel.AttachPeripheral(PeripheralSpec.Device("net_0", "mydevice").Behind("back"));
        kernel.DetachPeripheral("left");
        Assert.Multiple(() =>
        {
            Assert.That(kernel.Syscall("root", "devcall", ["/back/net_0", "ok"]).Values, Is.EqualTo(new LuaValue[] { 1 }));
            Assert.That(kernel.Syslog.Entries.Count(e => e.Level == SyslogLevel.Error && e.Message.Contains("start failed")), Is.EqualTo(2));
            Assert.That(kernel.Syslog.Entries.Any(e => e.Level == SyslogLevel.Error && e.Message.Contains("stop failed")), Is.True);
            Assert.That(kernel.Syscall("root", "devinfo", ["/left"]).Values, Is.EqualTo(new LuaValue[] { LuaValue.Nil }));
        });
    }

    [Test]
    public void RunawayInit_IsStoppedByTheBudget_AndBootFinishes()
    {
        var image = BootImage.Empty
            .WithFile("/lib/modules/loop.lua", "registerDriver({ name = 'loop', type = 'mydevice', properties = {}, methods = {}, init = function() while true do end end })")
            .WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        using var kernel = ReferenceKernel.Boot(image, new KernelOptions { Engine = new Phoenix.Lua.LuaEngineOptions { InstructionBudget = 1_000_000 } });
        Assert.That(kernel.Syscall("root", "getpid", []).Succeeded, Is.True);
        Assert.That(kernel.Syslog.Entries.Any(e => e.Level >= SyslogLevel.Error), Is.True);
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
