using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// The raw choices a <see cref="DeviceScenario"/> is resolved from (<see cref="DeviceGenerators"/>): per side, what is
/// there (0 empty, 1 a device, 2 a wired modem with a network, 3 a wireless modem) and the types of its devices; the
/// drivers registered at boot; the steps as raw numbers that resolution maps onto the layout as it evolves.
/// </summary>
internal sealed record DeviceChoices((int Kind, string[][] Network)[] Sides, string[] Boot, DeviceChoices.Step[] Steps, bool RuntimeRegistration,
    bool Deregistration = true)
{
    /// <summary>One raw step: its kind (0 attach, 1 detach, 2 register, 3 deregister, else call), two choosers, the
    /// types of a device it attaches and the arguments of a call.</summary>
    public sealed record Step(int Kind, int A, int B, string[] Types, LuaValue[] Args);
}
