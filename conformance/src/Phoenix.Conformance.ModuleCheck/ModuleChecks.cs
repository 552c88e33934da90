using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>One check the module checker runs, named by the page clause it serves (or by what it looks for).</summary>
/// <param name="Id">The clause ID for the page's advice; LOAD, CHECKER and UNDEFINED-GLOBAL otherwise.</param>
/// <param name="Clause">The catalogue clause, or null for the checks that support the clauses.</param>
/// <param name="Level">SARIF's level: "error" (nothing else could be checked), "warning" (against the page's advice),
/// "note" (worth a look, not counted: <see cref="ModuleCheckResult.Clean"/> ignores notes).</param>
public sealed record ModuleCheckKind(string Id, Clause? Clause, string Level, string Title, string Help);

/// <summary>
/// The checks of <c>check-module</c>. The three SHOULD clauses are advice to module authors, so they are checked on
/// modules, here, not on kernels by the suite; the coverage gate counts them as covered through this list.
/// </summary>
public static class ModuleChecks
{
    public static ModuleCheckKind UnloadReverses { get; } = new("MOD-UNLOAD-REVERSES", ClauseCatalogue.Get("MOD-UNLOAD-REVERSES"), "warning",
        "unload reverses the module's changes",
        "Every change a module made to kernel state it can reach (globals, the syscall and filesystem tables, event hooks, drivers, mounts, metatables) is undone by its unload function.");

    public static ModuleCheckKind UserCallbackUse { get; } = new("MOD-USER-CALLBACK-USE", ClauseCatalogue.Get("MOD-USER-CALLBACK-USE"), "warning",
        "user functions run through userModeCallback",
        "A function a user passed across the user-kernel boundary is only ever called through userModeCallback, never directly from kernel code.");

    public static ModuleCheckKind NoCustomSyscalls { get; } = new("MOD-NO-CUSTOM-SYSCALLS", ClauseCatalogue.Get("MOD-NO-CUSTOM-SYSCALLS"), "warning",
        "no custom syscalls",
        "The module adds or replaces no syscall; it exposes its API through callmodule instead.");

    public static ModuleCheckKind Load { get; } = new("LOAD", null, "error", "the module loads",
        "The module ran to the end of its file at load without throwing; otherwise nothing else could be checked.");

    public static ModuleCheckKind UndefinedGlobal { get; } = new("UNDEFINED-GLOBAL", null, "note", "globals the module reads exist",
        "The module's code read a global the kernel does not define (a typo, or kernel API this kernel lacks), at the line shown; reached while the checker used the module.");

    public static ModuleCheckKind Checker { get; } = new("CHECKER", null, "error", "the check is complete",
        "The checker could look at everything it meant to (for example, the kernel state was small enough to compare).");

    public static IReadOnlyList<ModuleCheckKind> All { get; } = [UnloadReverses, UserCallbackUse, NoCustomSyscalls, UndefinedGlobal, Load, Checker];

    /// <summary>The clause IDs the checker covers (the coverage gate's second source, beside the suite's rules).</summary>
    public static IReadOnlyList<string> ClauseIds { get; } = [.. All.Where(k => k.Clause is not null).Select(k => k.Id)];

    public static ModuleCheckKind Get(string id) =>
        All.FirstOrDefault(k => k.Id == id) ?? throw new ArgumentException($"Unknown module check '{id}'.", nameof(id));
}
