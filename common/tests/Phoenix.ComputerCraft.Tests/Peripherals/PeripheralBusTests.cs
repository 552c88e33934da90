using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;

namespace Phoenix.ComputerCraft.Tests.Peripherals;

/// <summary>The shared peripheral simulation (the reference kernel's and the CraftOS host's): scripted answers, modem
/// methods, call logs, attach and detach.</summary>
public class PeripheralBusTests
{
    private static PeripheralBus Bus()
    {
        var bus = new PeripheralBus();
        bus.Attach(PeripheralSpec.Device("left", "mydevice").WithMethod("foo", PeripheralMethod.Echo).WithMethod("bad", PeripheralMethod.Fails("boom")));
        bus.Attach(PeripheralSpec.Device("drive_0", "drive", "inventory").WithMethod("size", PeripheralMethod.Returns(27, "slots")).Behind("back"));
        return bus;
    }

    [Test]
    public void ScriptedMethods_AnswerAsScripted_AndAreLogged()
    {
        var bus = Bus();
        LuaValue[] args = [1, LuaValue.Nil, "x", LuaValue.Nil];
        Assert.That(bus.Call("left", "foo", args), Is.EqualTo(args));
        Assert.That(() => bus.Call("left", "bad", []), Throws.TypeOf<PeripheralCallException>().With.Message.EqualTo("boom"));
        Assert.That(bus.Log("left"), Is.EqualTo(new[] { new PeripheralCall("foo", args), new PeripheralCall("bad", []) }));
    }

    [Test]
    public void WiredModem_CallRemote_ReachesTheNetworkPeripheral_AndLogsOnBoth()
    {
        var bus = Bus();
        Assert.That(bus.Call("back", "callRemote", ["drive_0", "size"]), Is.EqualTo(new LuaValue[] { 27, "slots" }));
        Assert.That(bus.Call("back", "getTypeRemote", ["drive_0"]), Is.EqualTo(new LuaValue[] { "drive", "inventory" }));
        Assert.That(bus.Call("back", "isWireless", []), Is.EqualTo(new LuaValue[] { false }));
        Assert.That(bus.Log("drive_0"), Is.EqualTo(new[] { new PeripheralCall("size", []) }));
        Assert.That(bus.Log("back")[0], Is.EqualTo(new PeripheralCall("callRemote", ["drive_0", "size"])));
    }

    [Test]
    public void ImpliedModem_ComesWithItsFirstPeripheral_AndLeavesWithItsNetwork()
    {
        var bus = new PeripheralBus();
        Assert.That(bus.Attach(PeripheralSpec.Device("net_0", "alpha").Behind("front")), Is.EqualTo("front"));
        Assert.That(bus.Attach(PeripheralSpec.Device("net_1", "alpha").Behind("front")), Is.EqualTo("net_1"));
        Assert.That(bus.Names, Is.EqualTo(new[] { "front", "net_0", "net_1" }));
        Assert.That(bus.Detach("front"), Is.True);
        Assert.That(bus.Names, Is.Empty);
    }

    [Test]
    public void AttachAll_TakesDeclaredModemsFirst_AndOnSideSeesOnlySides()
    {
        var bus = new PeripheralBus();
        bus.AttachAll([PeripheralSpec.Device("net_0", "alpha").Behind("back"), PeripheralSpec.WiredModem("back")]);
        Assert.Multiple(() =>
        {
            Assert.That(bus.OnSide("back")?.Spec.Kind, Is.EqualTo(PeripheralKind.WiredModem));
            Assert.That(bus.OnSide("net_0"), Is.Null);
            Assert.That(bus.Find("net_0")?.Spec.Types, Is.EqualTo(new[] { "alpha" }));
        });
    }

    [Test]
    public void WirelessModem_HasNoRemoteMethods()
    {
        var bus = new PeripheralBus();
        bus.Attach(PeripheralSpec.WirelessModem("top"));
        Assert.That(bus.Call("top", "isWireless", []), Is.EqualTo(new LuaValue[] { true }));
        Assert.That(() => bus.Call("top", "getNamesRemote", []), Throws.TypeOf<PeripheralCallException>());
        Assert.That(() => bus.Attach(PeripheralSpec.Device("net_0", "alpha").Behind("top")), Throws.ArgumentException);
    }
}
