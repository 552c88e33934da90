using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Reporting.Diff;

/// <summary>One rule that differs between two runs; an outcome is null when the rule is absent from that run.</summary>
public sealed record DiffEntry(string Id, RuleOutcome? Old, RuleOutcome? New, string? Message = null);
