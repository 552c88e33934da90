namespace Phoenix.Values;

/// <summary>
/// Stands for a value that cannot cross the seam as data: a function, coroutine or userdata, or a table already
/// being converted (a cycle). Only its Lua type name crosses, so a rule can still check "a function was returned".
/// </summary>
public sealed class LuaOpaque(string luaType) : LuaValue
{
    public override string TypeName { get; } = luaType;

    public override bool Equals(LuaValue? other) => other is LuaOpaque o && o.TypeName == TypeName;

    public override int GetHashCode() => TypeName.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"<{TypeName}>";
}
