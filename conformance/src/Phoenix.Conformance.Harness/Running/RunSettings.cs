using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>How rules are run.</summary>
public sealed record RunSettings
{
    public Profile Profile { get; init; } = Profile.V2;

    /// <summary>Past this a rule is reported as a timeout and the run goes on.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed for property rules; null picks a fresh one per rule (and reports it).</summary>
    public ulong? Seed { get; init; }
}
