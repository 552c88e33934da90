using Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// Simulated peripherals at runtime. The DRV rules need it to attach and detach peripherals after boot (DRV-BIND-LATER,
/// DRV-DEINIT, DRV-DEREGISTER) and to see what reached a peripheral (DRV-PERIPHERAL-API, DRV-MODEM,
/// DRV-METHOD-ARGS). Boot-time peripherals come from <see cref="Boot.BootImage.Peripherals"/>. An adapter may leave
/// it unsupported; those rules are then reported as not supported.
/// </summary>
public interface IKernelPeripherals
{
    /// <summary>Attaches a peripheral as ComputerCraft would and lets the kernel see the attach event. A peripheral
    /// behind a wired modem that is not there yet brings the modem with it.</summary>
    void Attach(PeripheralSpec peripheral);

    /// <summary>Detaches the peripheral called <paramref name="name"/> (a side or a network name) and lets the kernel
    /// see the detach event. Detaching a wired modem takes its network with it.</summary>
    void Detach(string name);

    /// <summary>Every call the peripherals called <paramref name="name"/> received since boot, in order; empty for a
    /// name never used. The log outlives a detach.</summary>
    IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name);
}
