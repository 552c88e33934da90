// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using Phoenix.Values;
using Phoenix.Lua.Marshalling;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>A C# function callable from Lua. Return its results; throw <see cref="LuaRaiseException"/> to raise a
/// Lua error in the caller. Any other exception becomes a Lua error too, never a crash.</summary>
public delegate IReadOnlyList<LuaArg> LuaCallback(LuaCallbackArgs args);

public sealed partial class LuaEngine
{
    // One static trampoline for all engines: a delegate handed to native code must stay rooted for the state's life.
    private static readonly LuaFunction Trampoline = Dispatch;
    private readonly List<(string Name, LuaCallback Callback)> _callbacks = [];

    /// <summary>
    /// Makes <paramref name="callback"/> callable from Lua as <c>table[name]</c> (or returns the function when
    /// <paramref name="table"/> is null). The Lua side is a wrapper that raises the callback's errors itself, so no
    /// Lua error ever unwinds through a C# frame.
    /// </summary>
    public LuaRef Register(LuaRef? table, string name, LuaCallback callback)
    {
        var state = Current;
        _callbacks.Add((name, callback));
        PushRef(state, _wrap);
        state.PushInteger(_callbacks.Count - 1);
        state.PushCClosure(Trampoline, 1);
        if (state.PCall(1, 1, 0) != LuaStatus.OK) throw Fail(state, LuaStatus.ErrRun, null);
        if (table is not null)
        {
            PushRef(state, table);
            state.PushString(name);
            state.PushCopy(-3);
            // Raw, like SetField: a __newindex metamethod must not run (or raise) outside a protected call.
            state.RawSet(-3);
            state.Pop(1);
        }
        return RefTop(state);
    }

    private static int Dispatch(IntPtr statePointer)
    {
        var state = LuaState.FromIntPtr(statePointer);
        var engine = FromState(statePointer);
        if (engine is null)
        {
            state.PushBoolean(false);
            state.PushString("engine is gone");
            state.PushInteger(0);
            return 3;
        }
        return engine.Invoke(state);
    }

    /// <summary>Runs a callback and pushes its results. The whole body counts as host code, so the memory limit
    /// cannot fail an allocation here (which would unwind through this C# frame); Lua code it calls is limited again.</summary>
    private int Invoke(LuaState state)
    {
        EnterHostCode();
        try
        {
            return InvokeCore(state);
        }
        finally
        {
            LeaveHostCode();
        }
    }

    private int InvokeCore(LuaState state)
    {
        var id = (int)state.ToInteger(LuaState.UpValueIndex(1));
        var (name, callback) = _callbacks[id];
        var argumentCount = state.GetTop();
        _running.Push(state);
        IReadOnlyList<LuaArg> results;
        LuaValue? error = null;
        var withPosition = false;
        try
        {
            results = callback(new LuaCallbackArgs(this, state, argumentCount));
        }
        catch (LuaRaiseException raise)
        {
            results = [];
            error = raise.Error;
            withPosition = raise.AddPosition;
        }
        catch (LuaScriptException nested)
        {
            // A Lua error from a nested call made by the callback travels on to the caller unchanged.
            results = [];
            error = nested.ErrorValue;
        }
        catch (Exception unexpected)
        {
            results = [];
            error = LuaString.From($"internal error in {name}: {unexpected.Message}");
        }
        finally
        {
            _running.Pop();
        }
        state.SetTop(argumentCount);
        if (!state.CheckStack(results.Count + 4)) error = LuaString.From($"{name}: too many results");
        if (error is null)
        {
            state.PushBoolean(true);
            try
            {
                foreach (var result in results) PushArg(state, result);
                return results.Count + 1;
            }
            catch (Exception unpushable)
            {
                // An exception must not leave this native callback (the process would end): a result that cannot
                // cross into Lua becomes a Lua error like any other callback failure.
                state.SetTop(argumentCount);
                error = LuaString.From($"internal error in {name}: {unpushable.Message}");
            }
        }
        state.PushBoolean(false);
        try
        {
            LuaMarshal.Push(state, error is LuaOpaque ? LuaString.From(error.ToString()) : error);
        }
        catch (Exception unpushable)
        {
            // Same for an error value that cannot cross (a table holding an opaque value or a NaN key).
            state.SetTop(argumentCount + 1);
            state.PushString($"internal error in {name}: {unpushable.Message}");
        }
        state.PushInteger(withPosition ? 2 : 0);
        return 3;
    }
}
