using Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A generated peripheral layout present at boot, the recording drivers registered by the boot module, and
/// the steps run after boot.</summary>
public sealed record DeviceScenario(IReadOnlyList<PeripheralSpec> Layout, IReadOnlyList<string> BootTypes, IReadOnlyList<DeviceOp> Ops)
{
    public override string ToString() =>
        $"layout [{string.Join(", ", Layout)}], boot drivers [{string.Join(", ", BootTypes)}], steps [{string.Join("; ", Ops)}]";
}
