using System.Globalization;

namespace Phoenix.Values;

/// <summary>A Lua 5.4 float. Equality is bitwise: 0.0 and -0.0 differ (1/x tells them apart, so a kernel that
/// turns one into the other changes what a module computes), and a NaN equals only a NaN with the same bit pattern
/// (sign and payload), so a NaN that crosses the seam unchanged compares equal and one that was rebuilt does not.
/// Never equal to a <see cref="LuaInteger"/>.</summary>
public sealed class LuaFloat(double value) : LuaValue
{
    public double Value { get; } = value;

    public override string TypeName => "number";

    /// <summary>The IEEE 754 bit pattern, which equality and hashing use.</summary>
    public long Bits => BitConverter.DoubleToInt64Bits(Value);

    public override bool Equals(LuaValue? other) => other is LuaFloat f && f.Bits == Bits;

    // double.GetHashCode folds -0.0 onto 0.0 and every NaN onto one value; hashing the bits agrees with Equals.
    public override int GetHashCode() => Bits.GetHashCode();

    /// <summary>Lua's text for the float. A finite one is the shortest text that reads back, in Lua and .NET, as this
    /// very float (integral ones and -0.0 with ".0", so that Lua does not read an integer); the craftos adapter
    /// writes floats into Lua source with it.</summary>
    public override string ToString()
    {
        // Lua prints "nan" or "-nan"; the bits tell NaNs apart in failure messages, where equality does.
        if (double.IsNaN(Value)) return Bits == BitConverter.DoubleToInt64Bits(double.NaN) ? "nan" : $"nan(0x{Bits:x16})";
        if (double.IsInfinity(Value)) return Value > 0 ? "inf" : "-inf";
        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        // Lua prints integral floats with ".0" so they read differently from integers.
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
