using Phoenix.Values;

namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// Equality for round-trip checks. Floats compare bit for bit, as <see cref="LuaValue.Equals(LuaValue)"/> does, except
/// that here any NaN equals any NaN: NaNs made inside Lua (0/0) get whatever bits the platform gives them, and these
/// tests are about the marshaller keeping a NaN a NaN, not about which NaN the CPU produced.
/// </summary>
public static class StrictLuaEquality
{
    public static bool AreIdentical(LuaValue expected, LuaValue actual) => (expected, actual) switch
    {
        (LuaFloat e, LuaFloat a) => double.IsNaN(e.Value)
            ? double.IsNaN(a.Value)
            : BitConverter.DoubleToInt64Bits(e.Value) == BitConverter.DoubleToInt64Bits(a.Value),
        (LuaTable e, LuaTable a) => TablesIdentical(e, a),
        _ => expected.Equals(actual),
    };

    public static bool ListsIdentical(IReadOnlyList<LuaValue> expected, IReadOnlyList<LuaValue> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p => AreIdentical(p.First, p.Second));

    private static bool TablesIdentical(LuaTable expected, LuaTable actual)
    {
        if (!ListsIdentical(expected.Array, actual.Array) || expected.Hash.Count != actual.Hash.Count) return false;
        // Hash order is unspecified in Lua (pairs order), so each expected entry is looked up by key.
        return expected.Hash.All(e => actual.Hash.Any(a => AreIdentical(e.Key, a.Key) && AreIdentical(e.Value, a.Value)));
    }
}
