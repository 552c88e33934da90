// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using Phoenix.Values;

namespace Phoenix.Lua;

/// <summary>
/// The one exception type for failed Lua code. A failed Lua status becomes one at the engine's choke point
/// (<c>LuaEngine.Fail</c>), with the Lua error value, its text and the Lua traceback; the engine also raises it, with no
/// traceback, for what it refuses before Lua runs (a binary chunk in <c>Load</c>) or while moving a value into the
/// host (a table over <c>LuaMarshal</c>'s entry limit).
/// </summary>
public sealed class LuaScriptException(LuaErrorKind kind, LuaValue errorValue, string? luaTraceback)
    : Exception(Describe(errorValue))
{
    public LuaErrorKind Kind { get; } = kind;

    /// <summary>The value passed to error(); usually a string, but a table error stays a table.</summary>
    public LuaValue ErrorValue { get; } = errorValue;

    public string? LuaTraceback { get; } = luaTraceback;

    /// <summary>Message and traceback, the way Phoenix reports a failed syscall (facts §1.3).</summary>
    public string FullText => LuaTraceback is null ? Message : Message + "\n" + LuaTraceback;

    private static string Describe(LuaValue v) => v is LuaString s ? s.Text : v.ToString();
}
