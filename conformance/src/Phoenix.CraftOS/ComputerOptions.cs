using Phoenix.CraftOS.Events;
using Phoenix.CraftOS.Filesystem;

namespace Phoenix.CraftOS;

/// <summary>How a <see cref="CraftOsComputer"/> is built. The defaults imitate CraftOS-PC running headless.</summary>
public sealed record ComputerOptions
{
    /// <summary>The _HOST string; Phoenix parses the CC version out of it (and must not see _CC_VERSION).</summary>
    public string Host { get; init; } = "ComputerCraft 1.109.0 (CraftOS-PC 2.8)";

    /// <summary>Sets _HEADLESS, as CraftOS-PC's --headless does (kernels then write logs straight to term).</summary>
    public bool Headless { get; init; } = true;

    public int ComputerId { get; init; }

    public string? Label { get; init; }

    /// <summary>Lua instructions the host counts as one second of a computer's time: the watchdog measures
    /// instructions, not the clock, so runs are deterministic. 7 s is the 50 M instructions per resume the host
    /// always allowed.</summary>
    public const long InstructionsPerSecond = 50_000_000 / 7;

    /// <summary>
    /// The watchdog's first stage, CC: Tweaked's: once one resume of the kernel has run this many instructions (7 s,
    /// CC:T's timeout), the running code gets the error "Too long without yielding" once, which a pcall can catch.
    /// </summary>
    public long InstructionsPerResume { get; init; } = 7 * InstructionsPerSecond;

    /// <summary>
    /// The watchdog's second stage: if the resume still runs this many instructions after the error (1.5 s, CC:T's
    /// abort timeout), the computer is stopped with "Too long without yielding". 0: stop at the first stage.
    /// </summary>
    public long AbortInstructions { get; init; } = 3 * InstructionsPerSecond / 2;

    public long MemoryLimitBytes { get; init; } = 128L * 1024 * 1024;

    public long DiskCapacity { get; init; } = MemoryFileSystem.DefaultCapacity * 8;

    public long StartEpochMs { get; init; } = VirtualClock.DefaultStartEpochMs;

    public int ScreenWidth { get; init; } = 51;

    public int ScreenHeight { get; init; } = 19;

    /// <summary>A folder mounted as the read-only /rom instead of the built-in one (<see cref="Rom.RomImage"/>), for a
    /// user who owns a CC: Tweaked ROM. Null: the built-in clean-room ROM.</summary>
    public string? RomDirectory { get; init; }

    /// <summary>
    /// Unsafe, off by default: the kernel gets <c>string.dump</c> and a <c>load</c> that takes binary chunks (Lua 5.4
    /// does not verify bytecode: a crafted chunk can crash the host or escape the sandbox). Phoenix 0.0.1-0.0.4 call
    /// string.dump at boot and load hand-assembled bytecode; turn it on only for a kernel you trust like the host.
    /// </summary>
    public bool TrustedBinaryChunks { get; init; }

    /// <summary>The host port's file on this computer's disk (<see cref="Port.HostPort"/>): opening it gives a handle
    /// that also sends and receives values. Null: no port.</summary>
    public string? PortPath { get; init; }

    /// <summary>Copies term.write text to the console (debugging a kernel by hand).</summary>
    public bool EchoToConsole { get; init; }
}
