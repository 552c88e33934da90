namespace Phoenix.CraftOS.Events;

/// <summary>
/// The computer's clock. It stands still while the kernel runs and jumps to the next timer when the kernel is idle,
/// so boots never sleep and every run of a kernel sees the same times.
/// </summary>
public sealed class VirtualClock(long startEpochMs)
{
    /// <summary>2024-01-01T00:00:00Z: a fixed start, so dates in logs do not depend on when the test ran.</summary>
    public const long DefaultStartEpochMs = 1_704_067_200_000;

    public long StartEpochMs { get; } = startEpochMs;

    public long NowMs { get; private set; } = startEpochMs;

    /// <summary>Milliseconds since the computer started (os.clock is this in seconds).</summary>
    public long UptimeMs => NowMs - StartEpochMs;

    public void AdvanceTo(long epochMs)
    {
        if (epochMs > NowMs) NowMs = epochMs;
    }
}
