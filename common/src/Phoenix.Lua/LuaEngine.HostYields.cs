// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>
/// Host yields (<see cref="LuaEngineOptions.HostYields"/>): host code yields from deep inside guest coroutines straight
/// to the C# resumer of the outermost one, for a host that must hand control back to C# in the middle of the guest's
/// work (the CraftOS host's port: a program inside the kernel waits there for the host's next request without going
/// through the kernel's scheduler). engine.lua's guest resumes pass the yield on; its mark never reaches guest code.
/// </summary>
public sealed partial class LuaEngine
{
    private LuaRef? _hostYield;
    private LuaRef? _hostMark;

    /// <summary>The host-yield function, for host code only (a bios): <c>hostYield(…)</c> ends the outermost
    /// <see cref="LuaCoroutine.Resume"/> with <see cref="CoroutineStatus.HostYielded"/> and its values, and returns the
    /// next resume's values; it returns nothing at once where no yield is possible. Null unless
    /// <see cref="LuaEngineOptions.HostYields"/> is on.</summary>
    public LuaRef? HostYield => _hostYield;

    private void PrepareHostYields()
    {
        using var enable = Internal("enableHostYields");
        _hostMark = CallForRefs(enable)[0];
        _hostYield = Internal("hostYield");
    }

    /// <summary>True when the value at <paramref name="index"/> of <paramref name="state"/> is the host-yield mark.</summary>
    internal bool IsHostYieldMark(LuaState state, int index)
    {
        if (_hostMark is null || state.Type(index) != LuaType.Table) return false;
        PushRef(state, _hostMark);
        var same = state.RawEqual(index, -1);
        state.Pop(1);
        return same;
    }
}
