namespace Phoenix.Conformance.Rules;

/// <summary>
/// COMPAT clauses: Phoenix 0.0.9 behaviour where the page is silent (clauses.md: "PX-&lt;AREA&gt;-&lt;NAME&gt;", citing
/// the facts section). Reported apart and never counted against conformance to the page.
/// </summary>
public static class CompatClauses
{
    public static readonly IReadOnlyList<Clause> All =
    [
        new("PX-MOD-BOOT-ORDER", ClauseLevel.Compat, Profiles.Both,
            "Boot loads the entries of /lib/modules in plain sorted string order.",
            "facts §2.1"),
        new("PX-MOD-NO-EXTENSION-FILTER", ClauseLevel.Compat, Profiles.Both,
            "Boot loads every non-directory entry of /lib/modules, whatever its extension.",
            "facts §2.1"),
        new("PX-MOD-FAILED-MODULE-LOGGED", ClauseLevel.Compat, Profiles.Both,
            "A module that throws at load is logged at error level, is not stored, and boot goes on.",
            "facts §2.1, §2.2"),
        new("PX-MOD-LOAD-ROOT-ONLY", ClauseLevel.Compat, Profiles.Both,
            "loadmodule and unloadmodule refuse non-root callers with \"Could not load kernel module: Permission denied\".",
            "facts §2.2, §3.2"),
        new("PX-MOD-INSECURE-MESSAGE", ClauseLevel.Compat, Profiles.Both,
            "A refused module file gives \"Insecure permissions set on kernel module, refusing to load\".",
            "facts §2.2"),
        new("PX-MOD-NAME-DERIVATION", ClauseLevel.Compat, Profiles.Both,
            "A module's name is the last path component from its first non-dot character up to the next dot.",
            "facts §2.2"),
        new("PX-MOD-CHUNK-ARGUMENT", ClauseLevel.Compat, Profiles.Both,
            "A module chunk is called once with its path exactly as given to loadmodule.",
            "facts §2.2"),
        new("PX-MOD-RESULT-OR-TRUE", ClauseLevel.Compat, Profiles.Both,
            "A module whose chunk returns nil or false is listed as loaded (stored as true) but has no callable interface.",
            "facts §2.2, §3.3"),
        new("PX-MOD-DUPLICATE-NAME-OVERWRITES", ClauseLevel.Compat, Profiles.Both,
            "Loading a module whose name is taken runs it again and replaces the old entry without calling its unload.",
            "facts §2.2"),
        new("PX-MOD-LISTMODULES", ClauseLevel.Compat, Profiles.Both,
            "listmodules takes no arguments, needs no privileges and returns the names of all loaded modules.",
            "facts §3.1"),
        new("PX-MOD-UNLOAD-ARGS", ClauseLevel.Compat, Profiles.Both,
            "unload is called as a plain function with (process, thread) of the unloadmodule caller.",
            "facts §3.2"),
        new("PX-MOD-UNLOAD-UNKNOWN", ClauseLevel.Compat, Profiles.Both,
            "unloadmodule of a name that is not loaded succeeds silently.",
            "facts §3.2"),
        new("PX-MOD-CALLMODULE-ERRORS", ClauseLevel.Compat, Profiles.Both,
            "callmodule fails with Phoenix's messages for a missing module, a non-table module and a missing or 'unload' method.",
            "facts §3.3"),
        new("PX-MOD-ARG-CHECKS", ClauseLevel.Compat, Profiles.Both,
            "Module syscalls type-check their arguments with \"bad argument #N (expected T, got U)\".",
            "facts §1.5, §2.2, §3"),
        new("PX-MOD-NO-SUCH-SYSCALL", ClauseLevel.Compat, Profiles.Both,
            "A syscall name that is not in the syscall table fails with \"No such syscall\".",
            "facts §1.1"),
    ];
}
