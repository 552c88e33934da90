// Clauses: none
// Compat: PX-MOD-SYSLOG
// Mirrors: Phoenix 20-syslog (one logged line and its options)

namespace Phoenix.ReferenceKernel.Logging;

/// <summary>One syslog line as the kernel recorded it. <see cref="Module"/> is the <c>module</c> option, when given.</summary>
public sealed record SyslogEntry(SyslogLevel Level, string Message, string? Module = null, string? Category = null)
{
    /// <summary>Milliseconds since the Unix epoch by the kernel's clock.</summary>
    public long? TimestampMs { get; init; }

    public override string ToString() => $"[{Level.ToString().ToLowerInvariant()}]{(Module is null ? "" : $" ({Module})")} {Message}";
}
