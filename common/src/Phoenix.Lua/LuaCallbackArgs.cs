// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using Phoenix.Values;
using Phoenix.Lua.Marshalling;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>The arguments of one call into a registered C# function. Valid only during that call.</summary>
public sealed class LuaCallbackArgs
{
    private readonly LuaEngine _engine;
    private readonly LuaState _state;

    internal LuaCallbackArgs(LuaEngine engine, LuaState state, int count)
    {
        _engine = engine;
        _state = state;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The thread that made the call.</summary>
    internal LuaState State => _state;

    /// <summary>Argument <paramref name="index"/> (1-based) as plain data; nil past the end.</summary>
    public LuaValue this[int index] => index >= 1 && index <= Count ? LuaMarshal.Pull(_state, index) : LuaNil.Instance;

    /// <summary>Lua type name of argument <paramref name="index"/> (1-based); "nil" past the end.</summary>
    public string TypeOf(int index) =>
        index >= 1 && index <= Count ? _state.TypeName(_state.Type(index)) : "nil";

    /// <summary>A handle on argument <paramref name="index"/>, for tables and functions the kernel keeps.</summary>
    public LuaRef Ref(int index)
    {
        _state.PushCopy(index);
        return _engine.RefTop(_state);
    }

    /// <summary>All arguments as plain data.</summary>
    public IReadOnlyList<LuaValue> All() => Enumerable.Range(1, Count).Select(i => this[i]).ToArray();
}
