using FsCheck;
using FsCheck.Fluent;
using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.Conformance.Harness.Properties;

/// <summary>
/// Generators for plain Lua values that can cross any adapter: Lua strings are bytes (NUL, invalid UTF-8),
/// integers and floats stay apart (1 vs 1.0, extremes, NaN, ±inf, -0.0), tables nest and have nil holes.
/// Tables are canonical: a Lua table cannot hold a trailing nil, and keys 1..n of a dense-enough table come back as
/// its array part, so generated arrays end on a value and hash keys are strings or out-of-range integers.
/// </summary>
public static class LuaValueGenerators
{
    private static readonly long[] EdgeIntegers = [0, 1, -1, long.MaxValue, long.MinValue, 1L << 53, (1L << 53) + 1];

    private static readonly double[] EdgeFloats =
        [0.0, -0.0, 1.0, -1.5, 0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, 5e-324, 2.0];

    public static Gen<LuaValue> Scalar =>
        Gen.Frequency(
            (1, Gen.Constant(LuaValue.Nil)),
            (1, Gen.Elements(true, false).Select(b => (LuaValue)new LuaBoolean(b))),
            (2, Gen.OneOf(Gen.Elements(EdgeIntegers), Gen.Choose(-1000, 1000).Select(i => (long)i)).Select(i => (LuaValue)new LuaInteger(i))),
            (2, Gen.OneOf(Gen.Elements(EdgeFloats), Gen.Choose(-100000, 100000).Select(i => i / 8.0)).Select(d => (LuaValue)new LuaFloat(d))),
            (3, Bytes.Select(b => (LuaValue)new LuaString(b))));

    /// <summary>Byte strings, often with NUL bytes and bytes that are not valid UTF-8.</summary>
    public static Gen<byte[]> Bytes =>
        Gen.Frequency(
            (3, Gen.Elements("", "a", "hello", "ünïcødé", "with space", "line\nbreak")
                .Select(s => System.Text.Encoding.UTF8.GetBytes(s))),
            (2, Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))),
            (1, Gen.Constant(new byte[] { 0, 0, 0xff, 0xfe, (byte)'x', 0 })));

    /// <summary>Any value; tables nest up to <paramref name="depth"/> levels.</summary>
    public static Gen<LuaValue> Value(int depth = 2) =>
        depth <= 0 ? Scalar : Gen.Frequency((4, Scalar), (1, Table(depth - 1).Select(t => (LuaValue)t)));

    public static Gen<LuaTable> Table(int depth) =>
        from arrayItems in Gen.ListOf(Gen.Frequency((3, Value(depth).Where(v => v is not LuaNil)), (1, Gen.Constant(LuaValue.Nil))))
        from last in Value(depth).Where(v => v is not LuaNil)
        from useArray in Gen.Elements(true, false)
        from keys in Gen.ListOf(Gen.Elements("name", "id", "", "k\0ey", "x", "nested"))
        from values in Gen.ArrayOf(Value(depth).Where(v => v is not LuaNil), 6)
        select MakeTable(useArray ? [.. Dense(arrayItems), last] : [], keys.Distinct().ToArray(), values);

    /// <summary>Argument lists: any values, including nil holes and trailing nils (a call keeps its exact count).</summary>
    public static Arbitrary<LuaValue[]> ArgumentLists() =>
        Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(Value(2), count)).ToArbitrary();

    // Keep at most half of the slots nil so the list stays the table's array part.
    private static IEnumerable<LuaValue> Dense(IEnumerable<LuaValue> items)
    {
        var list = items.Take(6).ToList();
        var nils = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is LuaNil && ++nils * 2 > list.Count) list[i] = new LuaInteger(i);
        }
        return list;
    }

    private static LuaTable MakeTable(LuaValue[] array, string[] keys, LuaValue[] values) =>
        new(array, keys.Select((k, i) => new KeyValuePair<LuaValue, LuaValue>(LuaString.From(k), values[i % values.Length])));
}
