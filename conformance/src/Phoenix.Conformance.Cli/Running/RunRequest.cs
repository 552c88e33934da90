namespace Phoenix.Conformance.Cli.Running;

/// <summary>The <c>run</c> command's options as given, before validation (<see cref="SuiteRun"/> validates).</summary>
public sealed record RunRequest(
    string Adapter,
    string Profile,
    IReadOnlyList<string> Filters,
    IReadOnlyList<string> Levels,
    string? Output,
    string? Expectations,
    string? Baseline,
    bool Strict,
    bool UpdateExpectations,
    string? Seed,
    double? TimeLimitSeconds,
    bool AllowMismatch = false,
    IReadOnlyList<string>? AdapterPaths = null,
    string? Shard = null,
    int Jobs = 1,
    string Isolation = "thread",
    double? MemoryLimitMegabytes = null);
