namespace Phoenix.Values;

/// <summary>A Lua 5.4 integer. Never equal to a <see cref="LuaFloat"/>, even of the same magnitude: the seam keeps
/// the subtype because kernels that lose it (1 becoming 1.0) change what modules observe.</summary>
public sealed class LuaInteger(long value) : LuaValue
{
    public long Value { get; } = value;

    public override string TypeName => "number";

    public override bool Equals(LuaValue? other) => other is LuaInteger i && i.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
