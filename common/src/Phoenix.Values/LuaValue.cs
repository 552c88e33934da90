namespace Phoenix.Values;

/// <summary>
/// A Lua value as plain data: what crosses the adapter seam. Nil, booleans, integers and floats (kept apart, as
/// Lua 5.4 does), byte strings, tables with explicit length and nil holes, and <see cref="LuaOpaque"/> for values
/// that cannot cross (functions, threads, userdata, cycles), which is reported by type name only.
/// </summary>
/// <remarks>Equality is structural: two tables are equal when their array parts, lengths and hash parts are.</remarks>
public abstract class LuaValue : IEquatable<LuaValue>
{
    private protected LuaValue() { }

    /// <summary>The Lua type name: "nil", "boolean", "number", "string", "table", or the opaque type.</summary>
    public abstract string TypeName { get; }

    public static LuaValue Nil => LuaNil.Instance;

    public static implicit operator LuaValue(bool b) => new LuaBoolean(b);
    public static implicit operator LuaValue(long i) => new LuaInteger(i);
    public static implicit operator LuaValue(int i) => new LuaInteger(i);
    public static implicit operator LuaValue(double d) => new LuaFloat(d);
    public static implicit operator LuaValue(string s) => LuaString.From(s);

    public abstract bool Equals(LuaValue? other);

    public override bool Equals(object? obj) => obj is LuaValue v && Equals(v);

    public abstract override int GetHashCode();

    /// <summary>A Lua-like rendering for failure messages and reports (strings quoted, tables expanded).</summary>
    public abstract override string ToString();

    public static bool operator ==(LuaValue? a, LuaValue? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(LuaValue? a, LuaValue? b) => !(a == b);
}
