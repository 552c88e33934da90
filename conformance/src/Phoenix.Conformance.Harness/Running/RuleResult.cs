namespace Phoenix.Conformance.Harness.Running;

/// <summary>The result of one rule. <see cref="Message"/> is the first line of the failure; <see cref="Details"/>
/// the full text (stack traces, FsCheck counterexamples). <see cref="Seed"/> replays a property rule.</summary>
public sealed record RuleResult(
    RuleDescriptor Rule,
    RuleOutcome Outcome,
    TimeSpan Duration,
    string? Message = null,
    string? Details = null,
    string? Seed = null);
