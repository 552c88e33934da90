// Clauses: DRV-MODEM
// Mirrors: ComputerCraft's peripheral kinds the simulation knows (a device, wired and wireless modems)

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>What a simulated peripheral is. Modems get ComputerCraft's modem methods from the kernel's simulation;
/// a device has only the methods its <see cref="PeripheralSpec"/> scripts.</summary>
public enum PeripheralKind
{
    /// <summary>A peripheral with scripted methods (any ComputerCraft types).</summary>
    Device,

    /// <summary>A wired modem on a side: peripherals declared behind it are on its network (isWireless false,
    /// getNamesRemote, isPresentRemote, getTypeRemote, hasTypeRemote, getMethodsRemote, callRemote, getNameLocal).</summary>
    WiredModem,

    /// <summary>A wireless modem on a side: isWireless true, no remote peripherals.</summary>
    WirelessModem,
}
