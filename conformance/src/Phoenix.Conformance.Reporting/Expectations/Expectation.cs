using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Reporting.Expectations;

/// <summary>What an implementation is known to do for one rule, and why (wptrunner's metadata, test262's
/// expectations files). <paramref name="Link"/> points at the bug or discussion, when there is one.</summary>
public sealed record Expectation(RuleOutcome Outcome, string? Reason = null, string? Link = null);
