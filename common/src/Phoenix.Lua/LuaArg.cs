// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using Phoenix.Values;

namespace Phoenix.Lua;

/// <summary>An argument or result crossing into Lua: plain data, or a handle on a Lua object.</summary>
public readonly struct LuaArg
{
    private LuaArg(LuaValue? value, LuaRef? reference)
    {
        Value = value;
        Ref = reference;
    }

    public LuaValue? Value { get; }

    public LuaRef? Ref { get; }

    public static LuaArg Nil => new(LuaNil.Instance, null);

    public static implicit operator LuaArg(LuaValue value) => new(value, null);

    public static implicit operator LuaArg(LuaRef reference) => new(null, reference);

    public static implicit operator LuaArg(string text) => new(LuaString.From(text), null);

    public static implicit operator LuaArg(long number) => new(new LuaInteger(number), null);

    public static implicit operator LuaArg(bool flag) => new(new LuaBoolean(flag), null);

    public static LuaArg From(LuaValue value) => value;

    public static LuaArg From(LuaRef reference) => reference;
}
