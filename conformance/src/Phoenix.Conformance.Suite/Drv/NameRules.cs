using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-NAME: "The name field stores the name of the driver - set this to a unique value that identifies your
/// driver in particular." Device info reports the bound driver's name per type (facts §5.7).</summary>
public sealed class NameRules
{
    [Clause("DRV-NAME")]
    public void DeviceInfo_ReportsEachBoundDriverByName(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context).WithPeripheral(Devices.RecDevice("left", "alpha", "gamma"));
        using var kernel = context.Boot(image);
        var bound = kernel.BoundDrivers("/left");
        Check.That(bound.Count == 2 && bound.GetValueOrDefault("alpha") == "rec_alpha" && bound.GetValueOrDefault("gamma") == "rec_gamma",
            "devinfo(\"/left\").types for a peripheral of types alpha and gamma", "{alpha=rec_alpha, gamma=rec_gamma}", Devices.Render(bound));
    }

    [Clause("DRV-NAME")]
    public void DriversWithDifferentNames_ForTheSameType_AreBothBound(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/clash.lua", "clash").WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        using var kernel = context.Boot(image);
        Check.Returns(kernel.DevCall("/left", "onlyFirst", 4), ["clash_first", 4], "devcall(\"/left\", \"onlyFirst\", 4): clash_first is bound");
        Check.Returns(kernel.DevCall("/left", "onlySecond", 5), ["clash_second", 5], "devcall(\"/left\", \"onlySecond\", 5): clash_second is bound");
        var who = Check.Succeeds(kernel.DevCall("/left", "who"), "devcall(\"/left\", \"who\")");
        Check.That(who.Count > 0 && who[0] is LuaString { Text: "clash_first" or "clash_second" }, "devcall(\"/left\", \"who\")",
            "one of the two drivers to answer", $"({string.Join(", ", who)})");
        var name = kernel.DriverFor("/left", "mydevice");
        Check.That(name is "clash_first" or "clash_second", "devinfo(\"/left\").types.mydevice", "the name of a bound driver", name ?? "nothing");
    }
}
