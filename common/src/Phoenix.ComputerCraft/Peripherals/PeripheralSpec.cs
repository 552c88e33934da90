// Clauses: DRV-PERIPHERAL-API, DRV-MODEM
// Mirrors: ComputerCraft's peripheral layout (six sides, wired modem networks)

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>
/// A simulated ComputerCraft peripheral, as plain data: its name (a side such as "left" when attached directly, a
/// network name such as "mydevice_0" when behind a wired modem), its ComputerCraft types (one or more, as
/// <c>peripheral.getType</c> returns them) and its scripted methods. What <see cref="PeripheralBus"/> is built from.
/// The simulation's own: the adapter contract has a twin (<c>Phoenix.Conformance.Abstractions.Peripherals</c>) for
/// adapter authors, which each adapter maps onto this one, so the simulation depends on nothing of the suite's.
/// Records are immutable; the <c>With…</c> methods return new ones.
/// </summary>
/// <remarks>A peripheral behind a wired modem names the modem's side in <see cref="ModemSide"/>; the modem is implied
/// (a kernel creates it if the layout does not declare it), so a layout names only what a rule cares about.</remarks>
public sealed record PeripheralSpec
{
    /// <summary>The six sides of a ComputerCraft computer, in the order Phoenix's tree lists them.</summary>
    public static readonly IReadOnlyList<string> Sides = ["top", "bottom", "left", "right", "front", "back"];

    public PeripheralSpec(string name, IReadOnlyList<string> types)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A peripheral needs a name.", nameof(name));
        if (types.Count == 0) throw new ArgumentException($"Peripheral '{name}' needs at least one type.", nameof(types));
        Name = name;
        Types = types;
    }

    public string Name { get; }

    public IReadOnlyList<string> Types { get; }

    public PeripheralKind Kind { get; init; } = PeripheralKind.Device;

    /// <summary>The side of the wired modem this peripheral is reached through; null when attached directly.</summary>
    public string? ModemSide { get; init; }

    public IReadOnlyDictionary<string, PeripheralMethod> Methods { get; init; } = new Dictionary<string, PeripheralMethod>();

    public bool IsModem => Kind != PeripheralKind.Device;

    /// <summary>A device with scripted methods, attached directly on a side or (with <see cref="Behind"/>) on a network.</summary>
    public static PeripheralSpec Device(string name, params string[] types) => new(name, types);

    public static PeripheralSpec WiredModem(string side) => new(side, ["modem"]) { Kind = PeripheralKind.WiredModem };

    public static PeripheralSpec WirelessModem(string side) => new(side, ["modem"]) { Kind = PeripheralKind.WirelessModem };

    public PeripheralSpec WithMethod(string method, PeripheralMethod behaviour) =>
        this with { Methods = new Dictionary<string, PeripheralMethod>(Methods) { [method] = behaviour } };

    /// <summary>The same peripheral on the network of a wired modem on <paramref name="modemSide"/>.</summary>
    public PeripheralSpec Behind(string modemSide) => this with { ModemSide = modemSide };

    /// <summary>Throws <see cref="ArgumentException"/> unless the spec is a layout ComputerCraft can have: direct
    /// peripherals and modems sit on a side, networked ones have a network name (not a side) and are not modems.</summary>
    public void Validate()
    {
        if (ModemSide is null)
        {
            if (!Sides.Contains(Name)) throw new ArgumentException($"Peripheral '{Name}' is attached directly, so its name must be a side.");
            return;
        }
        if (!Sides.Contains(ModemSide)) throw new ArgumentException($"Peripheral '{Name}': modem side '{ModemSide}' is not a side.");
        if (Sides.Contains(Name)) throw new ArgumentException($"Peripheral '{Name}' is behind a modem, so it needs a network name, not a side.");
        if (IsModem) throw new ArgumentException($"Modem '{Name}' must be attached directly on a side.");
    }

    public override string ToString() =>
        $"{(ModemSide is null ? "" : ModemSide + "/")}{Name}:{string.Join("+", Types)}{(Kind == PeripheralKind.Device ? "" : $"({Kind})")}";
}
