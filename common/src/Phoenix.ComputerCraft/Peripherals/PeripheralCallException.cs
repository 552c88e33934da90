// Clauses: none (the simulation's error, raised in Lua by each host)
// Mirrors: ComputerCraft's peripheral call errors

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>A simulated peripheral refused a call: no peripheral or method of that name, a scripted failure, a bad
/// modem argument. The message is the Lua error ComputerCraft raises; this project knows no Lua engine, so each
/// kernel that runs the simulation raises it in its Lua caller.</summary>
public sealed class PeripheralCallException(string message) : Exception(message);
