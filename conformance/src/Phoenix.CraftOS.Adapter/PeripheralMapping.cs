using Phoenix.ComputerCraft.Peripherals;
using Contract = Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.CraftOS.Adapter;

/// <summary>The contract's peripheral specs onto the ComputerCraft simulation's own, and its call logs back: the
/// simulation (Phoenix.ComputerCraft) knows nothing of the contract, so this adapter translates at its seam, as the
/// reference kernel's adapter does (README, "Project graph").</summary>
internal static class PeripheralMapping
{
    public static PeripheralSpec ToSimulation(Contract.PeripheralSpec spec) => new(spec.Name, spec.Types.ToArray())
    {
        Kind = spec.Kind switch
        {
            Contract.PeripheralKind.Device => PeripheralKind.Device,
            Contract.PeripheralKind.WiredModem => PeripheralKind.WiredModem,
            Contract.PeripheralKind.WirelessModem => PeripheralKind.WirelessModem,
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "a peripheral kind the simulation does not know"),
        },
        ModemSide = spec.ModemSide,
        Methods = spec.Methods.ToDictionary(m => m.Key, m => ToSimulation(m.Value), StringComparer.Ordinal),
    };

    private static PeripheralMethod ToSimulation(Contract.PeripheralMethod method) => method.Kind switch
    {
        Contract.PeripheralMethodKind.Returns => PeripheralMethod.Returns([.. method.Values]),
        Contract.PeripheralMethodKind.Echo => PeripheralMethod.Echo,
        Contract.PeripheralMethodKind.Fails => PeripheralMethod.Fails(method.ErrorMessage),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method.Kind, "a method kind the simulation does not know"),
    };

    public static Contract.PeripheralCall ToContract(PeripheralCall call) => new(call.Method, call.Args);
}
