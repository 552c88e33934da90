// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

namespace Phoenix.Lua;

/// <summary>Limits for one Lua state. Both guard the host against runaway or hostile module and user code.</summary>
public sealed record LuaEngineOptions
{
    /// <summary>Bytes the whole state may hold; an allocation past it fails with Lua's "not enough memory" error.</summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>VM instructions one top-level call or resume may run before it is aborted.</summary>
    public long InstructionBudget { get; init; } = 200_000_000;

    /// <summary>
    /// A first, catchable stage before the budget: once one top-level call or resume has run this many instructions,
    /// the running code gets one ordinary error, <see cref="SoftBudgetMessage"/>, which a pcall can catch; if it runs
    /// on to <see cref="InstructionBudget"/>, it is aborted as always. 0 (the default) leaves it out. A computer's
    /// watchdog (ComputerCraft's "Too long without yielding") works this way.
    /// </summary>
    public long SoftInstructionBudget { get; init; }

    /// <summary>The error the soft stage raises (<see cref="SoftInstructionBudget"/>).</summary>
    public string SoftBudgetMessage { get; init; } = "Too long without yielding";

    /// <summary>
    /// Guest count hooks that yield, for kernels that preempt their processes (Phoenix's preemptive mode: its hook
    /// yields "preempt"). With it, the introspection <c>debug.sethook(co, f, mask, count)</c> is accepted for a count:
    /// the native budget hook counts <c>count</c> instructions on that coroutine and then yields it on the guest's
    /// behalf (stock Lua 5.4 refuses a yield from a Lua hook), and the sandbox's <c>coroutine.resume</c> returns what
    /// <c>f("count")</c> yields. The budget keeps counting throughout. Off by default.
    /// </summary>
    public bool YieldingCountHooks { get; init; }

    /// <summary>
    /// Host yields: host code given <see cref="LuaEngine.HostYield"/> (never the guest) can yield from any depth of
    /// guest coroutines straight to the C# resumer of the outermost one, whose <see cref="LuaCoroutine.Resume"/> then
    /// ends with <see cref="CoroutineStatus.HostYielded"/>; the next resume's values come back as the host yield's
    /// results. Every guest resume in between passes it on without the guest seeing it. Off by default.
    /// </summary>
    public bool HostYields { get; init; }

    /// <summary>How often (in instructions) the native count hook checks the budget.</summary>
    public int HookInterval { get; init; } = 1000;

    /// <summary>
    /// A pattern call (string.find, match, gmatch, gsub) whose worst-case native work is bounded by at most this many
    /// steps runs in C; beyond it, in the metered Lua matcher (Sandbox/patterns.lua), so backtracking ends with the
    /// instruction budget. 0 sends every pattern call through the Lua matcher (tests compare the two).
    /// </summary>
    public double NativePatternWork { get; init; } = 1e8;

    /// <summary>
    /// Unsafe, off by default: environments get <c>string.dump</c> and a <c>load</c> that accepts binary chunks. Lua 5.4
    /// does not verify bytecode, so a crafted chunk can crash the host process or escape the sandbox. Only for a guest
    /// trusted as much as the host (old Phoenix releases dump a function and load hand-assembled bytecode at boot).
    /// </summary>
    public bool TrustedBinaryChunks { get; init; }
}
