// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

namespace Phoenix.Lua;

/// <summary>Which <c>debug</c> library an environment gets (Sandbox/README.md).</summary>
public enum SandboxDebug
{
    /// <summary><c>debug.traceback</c> only: the default, safe for environments that share a state.</summary>
    TracebackOnly,

    /// <summary>
    /// Also getinfo, getlocal/setlocal, getupvalue/setupvalue/upvalueid/upvaluejoin and getmetatable/setmetatable, with
    /// engine and host functions sealed, no <c>__gc</c>, and no hooks (sethook is refused: the budget owns the hook).
    /// setmetatable on a non-table changes that type's metatable for the whole state, so use it only when the state
    /// belongs to one guest.
    /// </summary>
    Introspection,
}
