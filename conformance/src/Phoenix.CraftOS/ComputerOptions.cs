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

    /// <summary>The watchdog: Lua instructions one resume of the kernel may run before the computer is stopped with
    /// "Too long without yielding" (CC's limit is in seconds; instructions keep runs deterministic).</summary>
    public long InstructionsPerResume { get; init; } = 50_000_000;

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

    /// <summary>Copies term.write text to the console (debugging a kernel by hand).</summary>
    public bool EchoToConsole { get; init; }
}
