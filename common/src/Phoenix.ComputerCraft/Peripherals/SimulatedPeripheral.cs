// Clauses: none (one peripheral of the simulation)
// Mirrors: a ComputerCraft peripheral


namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>One attached peripheral of the simulation: its spec, and for a wired modem the peripherals on its network
/// (network name → peripheral) and the channels a program opened on it.</summary>
public sealed class SimulatedPeripheral(PeripheralSpec spec)
{
    public PeripheralSpec Spec { get; } = spec;

    public string Name => Spec.Name;

    public SortedDictionary<string, SimulatedPeripheral> Network { get; } = new(StringComparer.Ordinal);

    public HashSet<long> OpenChannels { get; } = [];

    /// <summary>What <c>peripheral.getMethods</c> lists: the scripted methods, plus the modem methods for modems.</summary>
    public IReadOnlyList<string> MethodNames =>
        Spec.Methods.Keys.Concat(ModemMethods.For(Spec.Kind)).Distinct().Order(StringComparer.Ordinal).ToArray();
}
