namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>Phoenix syslog levels (facts §8): debug 0 … panic 6.</summary>
public enum SyslogLevel
{
    Debug = 0,
    Info = 1,
    Notice = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
    Panic = 6,
}

/// <summary>One syslog line as the kernel recorded it. <see cref="Module"/> is the <c>module</c> option, when given.</summary>
public sealed record SyslogEntry(SyslogLevel Level, string Message, string? Module = null, string? Category = null)
{
    /// <summary>Milliseconds since the Unix epoch by the kernel's clock, when the kernel keeps one.</summary>
    public long? TimestampMs { get; init; }

    public override string ToString() => $"[{Level.ToString().ToLowerInvariant()}]{(Module is null ? "" : $" ({Module})")} {Message}";
}
