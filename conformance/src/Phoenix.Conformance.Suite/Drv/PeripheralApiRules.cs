using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-PERIPHERAL-API, DRV-MODEM: registerDriver "creates a node.internalState.peripheral table, which holds
/// the peripheral API required to access the peripheral - use this to access the peripheral, as it allows the driver
/// to work on modems as well as root peripherals." Seen from the simulated peripherals' call logs.</summary>
public sealed class PeripheralApiRules
{
    [Clause("DRV-PERIPHERAL-API")]
    public void PeripheralCall_ReachesTheNodesPeripheral_WithTheArguments(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(Devices.MyDevice("left"), Devices.MyDevice("right"));
        using var kernel = context.Boot(image);
        Check.Returns(kernel.DevCall("/left", "foo", "bar"), ["bar"], "devcall(\"/left\", \"foo\", \"bar\") through mydriver");
        AssertLog(kernel, "left", [new PeripheralCall("foo", ["bar"])], "left after foo(\"bar\")");
        AssertLog(kernel, "right", [], "right, which nobody called");
    }

    [Clause("DRV-PERIPHERAL-API")]
    public void PeripheralCall_KeepsNilsAndByteStrings(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecDrivers(context).WithPeripheral(Devices.RecDevice("top", "gamma")));
        LuaValue[] args = [LuaValue.Nil, new LuaString("\0\xff"u8), 3, LuaValue.Nil];
        Check.Returns(kernel.DevCall("/top", "poke_gamma", args), args, "devcall(\"/top\", \"poke_gamma\", nil, \"\\0\\255\", 3, nil)");
        AssertLog(kernel, "top", [new PeripheralCall("poke_gamma", args)], "top after poke_gamma");
    }

    [Clause("DRV-PERIPHERAL-API")]
    public void PeripheralGetMethods_ListsThePeripheralsMethods(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecDrivers(context).WithPeripheral(Devices.RecDevice("top", "gamma")));
        var values = Check.Succeeds(kernel.DevCall("/top", "methods_gamma"), "node.internalState.peripheral.getMethods(node.id)");
        var listed = values.Count > 0 && values[0] is LuaTable t ? t.Array.OfType<LuaString>().Select(s => s.Text).Order(StringComparer.Ordinal).ToArray() : [];
        var expected = Devices.RecTypes.Select(type => "poke_" + type).Order(StringComparer.Ordinal).ToArray();
        Check.That(listed.SequenceEqual(expected), "getMethods of the peripheral on top", string.Join(", ", expected), string.Join(", ", listed));
    }

    [Clause("DRV-MODEM")]
    public void PagesDriver_OnPeripheralBehindWiredModem_CallsOverTheModem(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripheral(Devices.MyDevice("mydevice_0").Behind("back"));
        using var kernel = context.Boot(image);
        const string path = "/back/mydevice_0";
        Check.That(kernel.DriverFor(path, "mydevice") == "mydriver", $"mydevice at {path}", "mydriver bound", Devices.Render(kernel.BoundDrivers(path)));
        Check.Returns(kernel.DevCall(path, "getProp"), [42], $"devcall(\"{path}\", \"getProp\")");
        Check.Returns(kernel.DevCall(path, "foo", "bar"), ["bar"], $"devcall(\"{path}\", \"foo\", \"bar\")");
        AssertLog(kernel, "mydevice_0", [new PeripheralCall("getProp", []), new PeripheralCall("foo", ["bar"])], "mydevice_0");
        var remote = kernel.CallsOf("back", "callRemote");
        Check.That(remote.SequenceEqual([new PeripheralCall("callRemote", ["mydevice_0", "getProp"]), new PeripheralCall("callRemote", ["mydevice_0", "foo", "bar"])]),
            "the wired modem on back", "callRemote(\"mydevice_0\", \"getProp\") then callRemote(\"mydevice_0\", \"foo\", \"bar\")", string.Join("; ", remote));
    }

    [Clause("DRV-MODEM")]
    public void ModemPeripheral_AttachedLater_GetMethodsGoesOverTheModem(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecDrivers(context));
        kernel.Attach(Devices.RecDevice("net_0", "delta").Behind("left"));
        Check.Returns(kernel.DevCall("/left/net_0", "poke_delta", 1, "two"), [1, "two"], "devcall(\"/left/net_0\", \"poke_delta\", 1, \"two\")");
        Check.That(kernel.CallsOf("left", "callRemote").Contains(new PeripheralCall("callRemote", ["net_0", "poke_delta", 1, "two"])),
            "the wired modem on left", "callRemote(\"net_0\", \"poke_delta\", 1, \"two\")", string.Join("; ", kernel.ReadPeripheralLog("left")));
        Check.Succeeds(kernel.DevCall("/left/net_0", "methods_delta"), "getMethods through the node's peripheral API");
        Check.That(kernel.CallsOf("left", "getMethodsRemote").Contains(new PeripheralCall("getMethodsRemote", ["net_0"])),
            "the wired modem on left", "getMethodsRemote(\"net_0\")", string.Join("; ", kernel.ReadPeripheralLog("left")));
    }

    private static void AssertLog(IKernel kernel, string peripheral, IReadOnlyList<PeripheralCall> expected, string @case)
    {
        var log = kernel.ReadPeripheralLog(peripheral);
        Check.That(log.SequenceEqual(expected), $"call log of {@case}", $"[{string.Join("; ", expected)}]", $"[{string.Join("; ", log)}]");
    }
}
