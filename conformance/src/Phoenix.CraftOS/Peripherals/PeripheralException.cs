namespace Phoenix.CraftOS.Peripherals;

/// <summary>A peripheral method failed; the message becomes a Lua error in the kernel that called it.</summary>
public sealed class PeripheralException(string message) : Exception(message);
