namespace Phoenix.Conformance.Harness.Assertions;

/// <summary>The kernel broke the rule: the runner reports "fail". Its message names the case and what was seen.</summary>
public sealed class RuleViolationException(string message) : Exception(message);
