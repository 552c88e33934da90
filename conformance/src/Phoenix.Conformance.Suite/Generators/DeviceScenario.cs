using Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A generated peripheral layout present at boot, the recording drivers registered by the boot module, and
/// the steps run after boot.</summary>
public sealed record DeviceScenario(IReadOnlyList<PeripheralSpec> Layout, IReadOnlyList<string> BootTypes, IReadOnlyList<DeviceOp> Ops)
{
    /// <summary>The generator's raw choices this scenario was resolved from; shrinking shrinks them and resolves again.</summary>
    internal DeviceChoices? Choices { get; init; }

    public override string ToString() =>
        $"layout [{string.Join(", ", Layout)}], boot drivers [{string.Join(", ", BootTypes)}], steps [{string.Join("; ", Ops)}]";
}
