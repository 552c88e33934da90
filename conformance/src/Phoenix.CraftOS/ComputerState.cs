namespace Phoenix.CraftOS;

/// <summary>Where a computer is in its life.</summary>
public enum ComputerState
{
    NotStarted,
    Running,

    /// <summary>Stopped: shut down, rebooted (the host does not restart), crashed, or stopped by the watchdog.
    /// <see cref="CraftOsComputer.StopReason"/> says which.</summary>
    Off,
}
