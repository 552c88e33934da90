namespace Phoenix.Values;

public sealed class LuaBoolean(bool value) : LuaValue
{
    public bool Value { get; } = value;

    public override string TypeName => "boolean";

    public override bool Equals(LuaValue? other) => other is LuaBoolean b && b.Value == Value;

    public override int GetHashCode() => Value ? 1 : 2;

    public override string ToString() => Value ? "true" : "false";
}
