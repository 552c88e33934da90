namespace Phoenix.Conformance.Rules;

/// <summary>
/// ADVISORY clauses (clauses.md: "ADV-&lt;AREA&gt;-&lt;NAME&gt;"): security properties the page's stated intent needs but
/// its letter does not require. Each quotes the page sentence it serves. Reported apart and never counted against
/// conformance; a kernel that fails one lists it in its expectations file like any other failure.
/// </summary>
public static class AdvisoryClauses
{
    /// <summary>Kernel modules section: why module files are checked.</summary>
    public const string AvoidInjection =
        "Kernel modules must be owned by root, and cannot be world-writable - otherwise, the module will fail to load to avoid kernel code injection by unprivileged users.";

    /// <summary>Kernel modules section: securing what user mode can reach.</summary>
    public const string SecureUsermodeCode =
        "Make sure to secure all usermode-accessible code (such as kernel API functions and filesystem methods) to avoid creating security vulnerabilities.";

    /// <summary>Kernel modules section: functions across the user-kernel boundary.</summary>
    public const string NotProperlyPrivileged =
        "For example, always use the userModeCallback function to call functions passed across the user-kernel boundary - otherwise, the function may be able to access kernel data without being properly privileged.";

    public static readonly IReadOnlyList<Clause> All =
    [
        new("ADV-MOD-USER-WRITABLE", ClauseLevel.Advisory, Profiles.Both,
            "A root-owned module file that a user other than root may write through a per-user permission entry fails to load, as a world-writable one does.",
            PageSections.KernelModules, AvoidInjection),
        new("ADV-MOD-CHOWN-TO-ROOT", ClauseLevel.Advisory, Profiles.Both,
            "A file a user wrote, gave to root with chown and wrote again does not load as a kernel module.",
            PageSections.KernelModules, AvoidInjection),
        new("ADV-USER-HANDLE-COPIES", ClauseLevel.Advisory, Profiles.Both,
            "Process handles that reach user code (callback arguments, values a module API returns) are copies: writing them changes no kernel state and raises no privileges.",
            PageSections.KernelModules, NotProperlyPrivileged),
        new("ADV-USER-FOREIGN-METAMETHODS", ClauseLevel.Advisory, Profiles.Both,
            "A table one user passes to a module reaches other users without its metamethods: code one user wrote never runs with another user's privileges.",
            PageSections.KernelModules, SecureUsermodeCode),
    ];
}
