// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

namespace Phoenix.Lua;

/// <summary>
/// A handle on a Lua object (table, function, coroutine) kept alive in the registry. Handles stay inside the
/// kernel: they never cross the adapter seam. Disposing releases the registry slot.
/// </summary>
public sealed class LuaRef : IDisposable
{
    private readonly LuaEngine _engine;
    private bool _released;

    internal LuaRef(LuaEngine engine, int reference, string luaType)
    {
        _engine = engine;
        Reference = reference;
        LuaType = luaType;
    }

    internal int Reference { get; }

    /// <summary>Lua type name of the referenced value ("table", "function", …).</summary>
    public string LuaType { get; }

    internal LuaEngine Engine => _engine;

    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _engine.Release(this);
    }

    public override string ToString() => $"<{LuaType} ref {Reference}>";
}
