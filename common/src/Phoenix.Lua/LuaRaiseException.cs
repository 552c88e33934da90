// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using Phoenix.Values;

namespace Phoenix.Lua;

/// <summary>
/// Thrown by a registered C# function to raise a Lua error in its caller. The engine catches it inside the
/// callback and hands the error to a Lua wrapper, which raises it; the C# frame is gone by then.
/// </summary>
/// <param name="error">The error value (a string message in most cases).</param>
/// <param name="addPosition">Prefix the caller's position ("chunk:line:"), like error(msg, 2); default none.</param>
public sealed class LuaRaiseException(LuaValue error, bool addPosition = false) : Exception(error.ToString())
{
    public LuaValue Error { get; } = error;

    public bool AddPosition { get; } = addPosition;
}
