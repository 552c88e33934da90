namespace Phoenix.Values;

public sealed class LuaNil : LuaValue
{
    public static readonly LuaNil Instance = new();

    private LuaNil() { }

    public override string TypeName => "nil";

    public override bool Equals(LuaValue? other) => other is LuaNil;

    public override int GetHashCode() => 0;

    public override string ToString() => "nil";
}
