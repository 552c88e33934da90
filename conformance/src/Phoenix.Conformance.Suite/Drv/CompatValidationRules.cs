using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: what Phoenix's hardware.register checks when a driver binds, and the message each flaw stops the
/// kernel with (facts §5.4, §10 B5): field types, method keys and values, property names.</summary>
public sealed class CompatValidationRules
{
    // Each flaw and the parts of its message (an init of the wrong type is not among them: Phoenix's registerDriver
    // wraps init in a function first, facts §5.5, so the wrong value fails when called, not when validated; a method
    // value is checked as a field of the methods table, K 40-hardware register); a field message may carry " to
    // '<function>'" between them (facts §11.1, observed in Phoenix 0.0.9: "bad field \"name\" to 'register' (expected
    // string, got number)").
    private static readonly (string Flaw, string[] Parts)[] Flaws =
    [
        ("name", ["bad field \"name\"", "(expected string, got number)"]),
        ("methods", ["bad field \"methods\"", "(expected table, got number)"]),
        ("deinit", ["bad field \"deinit\"", "(expected function or nil, got number)"]),
        ("methodname", ["bad method name '1' (not a string)"]),
        ("methodvalue", ["bad field \"poke\"", "(expected function, got number)"]),
        ("propertyname", ["bad property name '42' (not a string)"]),
    ];

    [Clause("PX-DRV-VALIDATED-AT-BIND")]
    public void EachFlawOfADriver_AtBoot_PanicsTheKernelWithItsMessage(RuleContext context)
    {
        foreach (var (flaw, parts) in Flaws)
        {
            var source = $"local FLAW = \"{flaw}\"\n" + context.Fixture("PX-DRV/invalid.lua");
            var image = BootImage.Empty.WithFile($"{Modules.Directory}/invalid.lua", source).WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
            foreach (var part in parts) Check.Stops(() => context.Boot(image).Dispose(), part, $"boot with a driver whose {flaw} is wrong and a mydevice on left");
        }
    }

    // A node's types are strings, so a driver without a type matches none and is never validated: registering it stops
    // nothing (Phoenix's type callback compares each type with the driver's, facts §5.3).
    [Clause("PX-DRV-VALIDATED-AT-BIND")]
    public void DriverWithoutAType_BindsNowhere_AndStopsNothing(RuleContext context)
    {
        var source = "local FLAW = \"notype\"\n" + context.Fixture("PX-DRV/invalid.lua");
        using var kernel = context.Boot(BootImage.Empty.WithFile($"{Modules.Directory}/invalid.lua", source).WithPeripheral(PeripheralSpec.Device("left", "mydevice")));
        var bound = kernel.BoundDrivers("/left");
        Check.That(!bound.Values.Contains("invalid"), "devinfo(\"/left\").types after a driver without a type registered", "no binding of driver \"invalid\"", Devices.Render(bound));
        Check.Returns(kernel.CallModule(Modules.Root, "invalid", "ping"), ["pong"], "callmodule(\"invalid\", \"ping\"): the module loaded");
    }
}
