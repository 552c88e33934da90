// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>
/// Yielding count hooks (<see cref="LuaEngineOptions.YieldingCountHooks"/>): a guest's count hook on a coroutine is
/// counted by the native budget hook, which yields that coroutine on the guest's behalf when its count runs out. Kept
/// apart from the count hook, which only calls <see cref="CheckPreempt"/>.
/// </summary>
public sealed partial class LuaEngine
{
    /// <summary>Per hooked coroutine (its thread pointer): its count and the instructions left until it yields.</summary>
    private readonly Dictionary<IntPtr, (long Count, long Left)> _preempt = [];

    /// <summary>Coroutines the native hook yielded and the sandbox's resume has not yet seen.</summary>
    private readonly HashSet<IntPtr> _hookYielded = [];

    /// <summary>How many times the native hook has yielded a coroutine for its guest count hook.</summary>
    public long HookYields { get; private set; }

    private void PreparePreemption()
    {
        using var register = Register(null, "hookRegister", args =>
        {
            var thread = ThreadOf(args);
            var count = Math.Max(1, args[2] is global::Phoenix.Values.LuaInteger i ? i.Value : (long)((global::Phoenix.Values.LuaFloat)args[2]).Value);
            _preempt[thread] = (count, count);
            return [];
        });
        using var clear = Register(null, "hookClear", args =>
        {
            var thread = ThreadOf(args);
            _preempt.Remove(thread);
            _hookYielded.Remove(thread);
            return [];
        });
        using var yielded = Register(null, "hookYielded", args => [_hookYielded.Remove(ThreadOf(args))]);
        using var set = Internal("setPreemption");
        Call(set, register, clear, yielded);
    }

    private static IntPtr ThreadOf(LuaCallbackArgs args) =>
        args.State.Type(1) == LuaType.Thread ? args.State.ToThread(1).Handle : throw new LuaRaiseException(global::Phoenix.Values.LuaString.From("bad argument #1 (thread expected)"));

    /// <summary>From the count hook (which must not throw): counts the running coroutine's hook and, when it runs
    /// out and the coroutine can yield here, yields it with no values (Lua lets a C hook do that).</summary>
    private void CheckPreempt(IntPtr statePointer)
    {
        if (_tripped || !_preempt.TryGetValue(statePointer, out var hook)) return;
        var left = hook.Left - _options.HookInterval;
        if (left > 0)
        {
            _preempt[statePointer] = (hook.Count, left);
            return;
        }
        _preempt[statePointer] = (hook.Count, hook.Count);
        var state = LuaState.FromIntPtr(statePointer);
        // Not inside a C function that cannot be resumed: a yield there would raise, and must not from a hook.
        if (!state.IsYieldable) return;
        _hookYielded.Add(statePointer);
        HookYields++;
        state.Yield(0);
    }
}
