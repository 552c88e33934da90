// Clauses: none (the adapter seam: the contract's peripheral specs onto the ComputerCraft simulation's, call logs back)
// Mirrors: no Phoenix part

using Phoenix.ComputerCraft.Peripherals;
using Contract = Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.ReferenceKernel.Adapter;

public static partial class ContractMapping
{
    public static PeripheralSpec ToKernel(Contract.PeripheralSpec spec) => new(spec.Name, spec.Types.ToArray())
    {
        Kind = ToKernel(spec.Kind),
        ModemSide = spec.ModemSide,
        Methods = spec.Methods.ToDictionary(m => m.Key, m => ToKernel(m.Value), StringComparer.Ordinal),
    };

    public static PeripheralKind ToKernel(Contract.PeripheralKind kind) => kind switch
    {
        Contract.PeripheralKind.Device => PeripheralKind.Device,
        Contract.PeripheralKind.WiredModem => PeripheralKind.WiredModem,
        Contract.PeripheralKind.WirelessModem => PeripheralKind.WirelessModem,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a peripheral kind the simulation does not know"),
    };

    public static PeripheralMethod ToKernel(Contract.PeripheralMethod method) =>
        new(ToKernel(method.Kind), method.Values.ToArray(), method.ErrorMessage);

    public static PeripheralMethodKind ToKernel(Contract.PeripheralMethodKind kind) => kind switch
    {
        Contract.PeripheralMethodKind.Returns => PeripheralMethodKind.Returns,
        Contract.PeripheralMethodKind.Echo => PeripheralMethodKind.Echo,
        Contract.PeripheralMethodKind.Fails => PeripheralMethodKind.Fails,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a method kind the simulation does not know"),
    };

    public static Contract.PeripheralSpec ToContract(PeripheralSpec spec) => new(spec.Name, spec.Types.ToArray())
    {
        Kind = ToContract(spec.Kind),
        ModemSide = spec.ModemSide,
        Methods = spec.Methods.ToDictionary(m => m.Key, m => ToContract(m.Value), StringComparer.Ordinal),
    };

    public static Contract.PeripheralKind ToContract(PeripheralKind kind) => kind switch
    {
        PeripheralKind.Device => Contract.PeripheralKind.Device,
        PeripheralKind.WiredModem => Contract.PeripheralKind.WiredModem,
        PeripheralKind.WirelessModem => Contract.PeripheralKind.WirelessModem,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a peripheral kind the contract does not know"),
    };

    public static Contract.PeripheralMethod ToContract(PeripheralMethod method) =>
        new(ToContract(method.Kind), method.Values.ToArray(), method.ErrorMessage);

    public static Contract.PeripheralMethodKind ToContract(PeripheralMethodKind kind) => kind switch
    {
        PeripheralMethodKind.Returns => Contract.PeripheralMethodKind.Returns,
        PeripheralMethodKind.Echo => Contract.PeripheralMethodKind.Echo,
        PeripheralMethodKind.Fails => Contract.PeripheralMethodKind.Fails,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a method kind the contract does not know"),
    };

    public static Contract.PeripheralCall ToContract(PeripheralCall call) => new(call.Method, call.Args);
}
