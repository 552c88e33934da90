using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>How rules are run.</summary>
public sealed record RunSettings
{
    public Profile Profile { get; init; } = Profile.V2;

    /// <summary>Past this a rule is reported as a timeout and the run goes on.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Seed every property rule uses (to replay a reported failure, or to explore with other cases); null, the
    /// default, gives each rule its own fixed seed (<see cref="DefaultSeed"/>), so verdicts are the same from run to run.
    /// Either way each result reports the seed its rule used.</summary>
    public ulong? Seed { get; init; }
}
