using Phoenix.Lua;
using Phoenix.ReferenceKernel.Modules;

namespace Phoenix.ReferenceKernel;

/// <summary>How a reference kernel is built. The defaults are the reference behaviour.</summary>
public sealed record KernelOptions
{
    /// <summary>Budgets for all Lua code in the kernel: a runaway module or syscall is aborted, the kernel goes on.</summary>
    public LuaEngineOptions Engine { get; init; } = new() { InstructionBudget = 50_000_000 };

    public ModulePolicy ModulePolicy { get; init; } = new();

    /// <summary>Scripts run after the built-in glue, in order.</summary>
    public IReadOnlyList<KernelScript> ExtraScripts { get; init; } = [];

    /// <summary>A syscall whose code keeps yielding is given up after this many resumes.</summary>
    public int MaxSyscallResumes { get; init; } = 10_000;

    /// <summary>Reported by the version syscall and PHOENIX_VERSION: the Phoenix release whose behaviour we follow.</summary>
    public string PhoenixVersion { get; init; } = "0.0.9";
}
