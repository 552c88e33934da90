// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

namespace Phoenix.Lua;

/// <summary>Why Lua code failed.</summary>
public enum LuaErrorKind
{
    /// <summary>The code raised an error (error(), a bad operation, or a registered function refusing).</summary>
    Runtime,

    /// <summary>The chunk did not compile, or was a binary chunk.</summary>
    Syntax,

    /// <summary>The state hit <see cref="LuaEngineOptions.MemoryLimitBytes"/>.</summary>
    Memory,

    /// <summary>The code ran past <see cref="LuaEngineOptions.InstructionBudget"/>.</summary>
    Budget,

    /// <summary>The error handler itself failed.</summary>
    ErrorHandler,
}
