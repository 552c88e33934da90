// Clauses: none (how a reference kernel is built; variant kernels replace parts)
// Mirrors: no Phoenix part

using Phoenix.Lua;
using Phoenix.ReferenceKernel.Modules;

namespace Phoenix.ReferenceKernel;

/// <summary>How a reference kernel is built. The defaults are the reference behaviour.</summary>
public sealed record KernelOptions
{
    /// <summary>Budgets for all Lua code in the kernel: a runaway module or syscall is aborted, the kernel goes on.</summary>
    public LuaEngineOptions Engine { get; init; } = new() { InstructionBudget = 50_000_000 };

    public ModulePolicy ModulePolicy { get; init; } = new();

    /// <summary>
    /// Developer option (mutation testing, conformance/mutation): Lua sources that replace built-in glue scripts by
    /// name ("kmod.lua", ...; the names are those of <see cref="ReferenceKernel.BuiltInScripts"/>). A name that is no
    /// built-in script makes boot fail, so a typo cannot silently test the unmodified kernel. Never offered by the CLI.
    /// </summary>
    public IReadOnlyDictionary<string, string> ScriptOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Scripts run after the built-in glue, in order.</summary>
    public IReadOnlyList<KernelScript> ExtraScripts { get; init; } = [];

    /// <summary>A syscall whose code keeps yielding is given up after this many resumes.</summary>
    public int MaxSyscallResumes { get; init; } = 10_000;

    /// <summary>Characters of messages the syslog keeps; past it the oldest lines are dropped, with a notice.</summary>
    public long SyslogLimitChars { get; init; } = Logging.Syslog.DefaultLimitChars;

    /// <summary>Bytes all tmpfs instances (the root filesystem included) may hold; past it writes fail "Out of space".</summary>
    public long TmpFsQuotaBytes { get; init; } = Vfs.TmpFs.DefaultQuotaBytes;

    /// <summary>Reported by the version syscall and PHOENIX_VERSION: the Phoenix release whose behaviour we follow.</summary>
    public string PhoenixVersion { get; init; } = "0.0.9";
}
