// Clauses: none (scripted peripheral behaviour, the simulation's input)
// Mirrors: a ComputerCraft peripheral method

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>How a scripted peripheral method answers.</summary>
public enum PeripheralMethodKind
{
    /// <summary>Returns fixed values.</summary>
    Returns,

    /// <summary>Returns its arguments, exactly as received (count and trailing nils included).</summary>
    Echo,

    /// <summary>Raises an error with a fixed message.</summary>
    Fails,
}
