// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>The soft stage of the instruction budget (<see cref="LuaEngineOptions.SoftInstructionBudget"/>): kept
/// apart from the count hook, which only calls <see cref="CheckSoftBudget"/>.</summary>
public sealed partial class LuaEngine
{
    private readonly LuaRef? _softTrip;
    private LuaRef? _softRestore;
    private bool _softRaised;

    /// <summary>engine.lua's softTrip, with the callback that gives the calling thread the native hook back.</summary>
    private LuaRef PrepareSoftBudget()
    {
        _softRestore = Register(null, "softRestore", args =>
        {
            InstallBudgetHook(args.State);
            return [];
        });
        using (var setRestore = Internal("setSoftRestore")) Call(setRestore, _softRestore);
        return Internal("softTrip");
    }

    /// <summary>From the count hook (which must not throw): once this entry has run past the soft budget, the running
    /// thread raises the soft error at its next instruction, once per entry.</summary>
    private void CheckSoftBudget(IntPtr statePointer)
    {
        if (_softTrip is null || _options.InstructionBudget - _budgetLeft < _options.SoftInstructionBudget) return;
        _softRaised = true;
        _hostCode++;
        var state = LuaState.FromIntPtr(statePointer);
        PushRef(state, _softTrip);
        state.PushString(_options.SoftBudgetMessage);
        if (state.PCall(1, 0, 0) != KeraLua.LuaStatus.OK) state.Pop(1);
        _hostCode--;
    }
}
