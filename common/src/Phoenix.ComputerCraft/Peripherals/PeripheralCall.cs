// Clauses: DRV-PERIPHERAL-API, DRV-MODEM (the call log the rules read, through each adapter)
// Mirrors: a call reaching a ComputerCraft peripheral

using Phoenix.Values;

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>One call a simulated peripheral received: the method name and the arguments with their exact count
/// (trailing nils included). A wired modem also logs the remote calls it forwards (<c>callRemote</c>, with the remote
/// name, method and arguments), which is how DRV-MODEM sees a call travel over the modem.</summary>
public sealed record PeripheralCall(string Method, IReadOnlyList<LuaValue> Args)
{
    /// <summary>Equal when the method and every argument are (values compare structurally, count included).</summary>
    public bool Equals(PeripheralCall? other) => other is not null && other.Method == Method && other.Args.SequenceEqual(Args);

    public override int GetHashCode() => HashCode.Combine(Method, Args.Count);

    public override string ToString() => $"{Method}({string.Join(", ", Args)})";
}
