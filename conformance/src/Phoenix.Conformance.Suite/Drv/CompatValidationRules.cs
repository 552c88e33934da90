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
    // wraps init in a function first, facts §5.5, so the wrong value fails when called, not when validated; nor is a method
    // value that is no function, whose message the facts do not give); a field message may carry " to '<function>'" between them (facts §11.1,
    // observed in Phoenix 0.0.9: "bad field \"name\" to 'register' (expected string, got number)").
    private static readonly (string Flaw, string[] Parts)[] Flaws =
    [
        ("name", ["bad field \"name\"", "(expected string, got number)"]),
        ("methods", ["bad field \"methods\"", "(expected table, got number)"]),
        ("deinit", ["bad field \"deinit\"", "(expected function or nil, got number)"]),
        ("methodname", ["bad method name '1' (not a string)"]),
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
}
