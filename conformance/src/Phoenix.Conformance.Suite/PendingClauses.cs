namespace Phoenix.Conformance.Suite;

/// <summary>
/// Clauses of the catalogue that no rule checks yet, each with the work item that brings its rules. The coverage
/// gate (meta tests, <c>check-coverage</c>) accepts exactly these; a pending clause that gains a rule must leave
/// this list, so it can only shrink honestly.
/// </summary>
public static class PendingClauses
{
    private const string ModuleChecker = "SHOULD clause for module authors: needs the module checker, not a kernel rule";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MOD-UNLOAD-REVERSES"] = ModuleChecker,
        ["MOD-USER-CALLBACK-USE"] = ModuleChecker,
        ["MOD-NO-CUSTOM-SYSCALLS"] = ModuleChecker,
    };
}
