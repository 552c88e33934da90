using System.Globalization;

namespace Phoenix.Conformance.Abstractions.Values;

/// <summary>A Lua 5.4 float. Equality is bitwise-by-value with NaN equal to NaN, so a NaN that round-trips counts
/// as unchanged.</summary>
public sealed class LuaFloat(double value) : LuaValue
{
    public double Value { get; } = value;

    public override string TypeName => "number";

    public override bool Equals(LuaValue? other) => other is LuaFloat f && f.Value.Equals(Value);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString()
    {
        if (double.IsNaN(Value)) return "nan";
        if (double.IsInfinity(Value)) return Value > 0 ? "inf" : "-inf";
        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        // Lua prints integral floats with ".0" so they read differently from integers.
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
