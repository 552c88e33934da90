namespace Phoenix.Conformance.Suite;

/// <summary>
/// Clauses of the catalogue that no rule checks yet, each with the work item that brings its rules. The coverage
/// gate (meta tests, <c>check-coverage</c>) accepts exactly these; a pending clause that gains a rule must leave
/// this list, so it can only shrink honestly. Empty: the three SHOULD clauses, advice to module authors, are checked
/// on modules by <c>check-module</c> (Phoenix.Conformance.ModuleCheck), which the gate counts as their check.
/// </summary>
public static class PendingClauses
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
