namespace Phoenix.CraftOS;

/// <summary>Why <see cref="CraftOsComputer.Run"/> returned.</summary>
public enum RunOutcome
{
    /// <summary>The caller's condition became true.</summary>
    ConditionMet,

    /// <summary>No event queued and no timer pending: the kernel waits for something only the host can send.</summary>
    Idle,

    /// <summary>The computer is off (see <see cref="CraftOsComputer.StopReason"/>).</summary>
    Stopped,

    /// <summary>The kernel kept itself busy past the resume limit (an event loop that never settles).</summary>
    ResumeLimit,
}
