using System.Collections.Concurrent;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Phoenix.Values;

namespace Phoenix.Conformance.Harness.Properties;

/// <summary>
/// FsCheck generators for plain Lua data, biased towards the values a marshaller gets wrong: NUL bytes and invalid
/// UTF-8 in strings, the int64 extremes, NaN, infinities, -0.0 and huge floats, integral floats that must stay
/// floats (1.0 is not 1), nested tables and array parts with nil holes.
/// </summary>
/// <remarks>
/// Tables are generated in the canonical form that the engine's marshaller (<c>LuaMarshal.ArrayLength</c> in Phoenix.Lua) documents, because only that form
/// can survive a round trip: Lua itself cannot tell "slot 3 is nil" from "slot 3 is absent", so the marshaller
/// rebuilds the C# shape from the keys present. Canonical means:
/// <list type="bullet">
/// <item>the array part ends with a non-nil value and at least half of its slots 1..K are non-nil;</item>
/// <item>hash values are never nil (a nil value is an absent key in Lua);</item>
/// <item>hash keys are never nil or NaN (Lua refuses them), never integral floats (Lua stores 2.0 as the integer key
/// 2), never positive integers that the array rule would pull into the array part, and never tables (a table key
/// comes back as a fresh table, so it could not compare equal).</item>
/// </list>
/// </remarks>
public static class LuaValueGenerators
{
    // Every generator is built once: they are immutable values, and building them again for each sample (as
    // expression-bodied properties did) took a tenth of the suite's time. Initializers run top to bottom, so each one
    // is declared after the generators it is built from.

    /// <summary>Any round-trippable value, nil included.</summary>
    public static Gen<LuaValue> Value { get; } = Gen.Sized(ValueOfSize);

    /// <summary><see cref="Value"/> with a shrinker that only ever proposes canonical values.</summary>
    public static Arbitrary<LuaValue> ValueArbitrary { get; } = Arb.From(Value, LuaValueShrinkers.Shrink);

    /// <summary>Argument lists with nil holes and trailing nils, which a call must pass with their exact count.</summary>
    public static Gen<LuaValue[]> ArgumentList { get; } = Gen.Sized(size =>
        from count in Gen.Choose(0, Math.Min(size, 16))
        from items in Gen.ArrayOf(Gen.Frequency((2, Nil), (3, ValueOfSize(size / 8))), count)
        from trailingNils in Gen.Choose(0, 3)
        select items.Concat(Enumerable.Repeat(LuaValue.Nil, trailingNils)).ToArray());

    /// <summary><see cref="ArgumentList"/>, shrinking with <see cref="LuaValueShrinkers.ShrinkArguments"/>.</summary>
    public static Arbitrary<LuaValue[]> ArgumentListArbitrary { get; } = Arb.From(ArgumentList, LuaValueShrinkers.ShrinkArguments);

    /// <summary>Edge values often, small numbers (the common case) often, and the whole 64-bit range.</summary>
    public static Gen<long> Int64 { get; } = Gen.Frequency(
        (2, Gen.Elements(long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 0L, -1L, 1L,
            int.MinValue, int.MaxValue, (long)int.MaxValue + 1, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1)),
        (3, Gen.Choose(-1000, 1000).Select(i => (long)i)),
        (3, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue),
            (high, low) => ((long)high << 32) | (uint)low)));

    /// <summary>
    /// Special floats, integral floats (which must not turn into integers), ordinary fractions, and raw bit patterns
    /// (subnormals, huge magnitudes, NaNs with payloads).
    /// </summary>
    public static Gen<double> Double { get; } = Gen.Frequency(
        // The four most often mishandled, drawn often on their own so every run meets them many times.
        (2, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0)),
        (2, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 1.0, -1.0, 2.0,
            0.5, double.MaxValue, -double.MaxValue, double.Epsilon, 1e308, 1e-308, 9007199254740992.0,
            9223372036854775808.0, -9223372036854775808.0, 1e300, 0.1)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 64.0)),
        (2, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue),
            (high, low) => BitConverter.Int64BitsToDouble(((long)high << 32) | (uint)low))));

    /// <summary>
    /// Byte strings: printable text, NUL bytes, bytes that are never valid UTF-8, and hand-picked invalid sequences
    /// (lone continuation, truncated, overlong, encoded surrogate). Lengths cross Lua's 40-byte short/long string line.
    /// </summary>
    public static Gen<byte[]> Bytes { get; } = Gen.Frequency(
        (4, Gen.Sized(size => Gen.Choose(0, Math.Max(size / 3, 1)).SelectMany(n => Gen.ArrayOf(Byte, n)))),
        (1, Gen.Choose(41, 600).SelectMany(n => Gen.ArrayOf(Byte, n))),
        (2, Gen.Elements(
            Array.Empty<byte>(),
            [0],
            [0, 0, 0],
            [(byte)'a', 0, (byte)'b'],
            [0x80],
            [0xE2, 0x82],
            [0xC0, 0xAF],
            [0xED, 0xA0, 0x80],
            [0xFF, 0xFE, 0xFD],
            Encoding.UTF8.GetBytes("h\u00e9llo \u2713 \U0001F600"))));

    private static Gen<byte> Byte { get; } = Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E).Select(b => (byte)b)),
        (1, Gen.Constant((byte)0)),
        (1, Gen.Elements<byte>(0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFE, 0xFF)),
        (2, Gen.Choose(0, 255).Select(b => (byte)b)));

    public static Gen<LuaValue> Nil { get; } = Gen.Constant(LuaValue.Nil);

    public static Gen<LuaValue> Boolean { get; } = Gen.Elements(true, false).Select(b => (LuaValue)new LuaBoolean(b));

    public static Gen<LuaValue> Integer { get; } = Int64.Select(i => (LuaValue)new LuaInteger(i));

    public static Gen<LuaValue> Float { get; } = Double.Select(d => (LuaValue)new LuaFloat(d));

    public static Gen<LuaValue> String { get; } = Bytes.Select(b => (LuaValue)new LuaString(b));

    /// <summary>Any non-nil, non-table value.</summary>
    public static Gen<LuaValue> Scalar { get; } = Gen.Frequency((2, Boolean), (4, Integer), (4, Float), (4, String));

    // The sized generators are built once per size too (sizes stay below FsCheck's end size, 100 by default).
    private static readonly ConcurrentDictionary<int, Gen<LuaValue>> Values = new(), NonNils = new(), Tables = new();

    private static Gen<LuaValue> ValueOfSize(int size) => Values.GetOrAdd(size, static size =>
        size <= 1 ? Gen.Frequency((1, Nil), (8, Scalar)) : Gen.Frequency((1, Nil), (8, Scalar), (4, TableOfSize(size))));

    private static Gen<LuaValue> NonNilOfSize(int size) => NonNils.GetOrAdd(size, static size =>
        size <= 1 ? Scalar : Gen.Frequency((3, Scalar), (1, TableOfSize(size))));

    /// <summary>
    /// A canonical table whose nested values share <paramref name="size"/>, so the total node count stays near the
    /// size however deep the nesting goes.
    /// </summary>
    public static Gen<LuaValue> TableOfSize(int size) => Tables.GetOrAdd(size, static size =>
        from arrayCount in Gen.Choose(0, Math.Min(size, 8))
        from keyCount in Gen.Choose(0, Math.Min(size, 6))
        let childSize = size / (1 + arrayCount + keyCount)
        from values in Gen.ArrayOf(NonNilOfSize(childSize), arrayCount)
        from holes in Gen.ArrayOf(Hole, arrayCount)
        let array = WithHoles(values, holes)
        // Any positive integer key above 2 * (slots + keys) stays in the hash part: at such a key K at most
        // slots + keys of the keys 1..K exist, fewer than half, so the array rule cannot reach it.
        from keys in Gen.ArrayOf(HashKey(2L * (array.Length + keyCount) + 1), keyCount)
        from hashValues in Gen.ArrayOf(NonNilOfSize(childSize), keyCount)
        select (LuaValue)new LuaTable(array, keys.Zip(hashValues, KeyValuePair.Create).DistinctBy(kv => kv.Key)));

    /// <summary>How many nil slots go before an array value: none mostly, else one or two.</summary>
    private static Gen<int> Hole { get; } = Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)));

    /// <summary>
    /// Inserts holes before values, never after the last one, and never more holes than values: the array part then
    /// ends non-nil and is at least half full, as the canonical form requires.
    /// </summary>
    private static LuaValue[] WithHoles(LuaValue[] values, int[] holes)
    {
        var result = new List<LuaValue>();
        var holesLeft = values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            var count = Math.Min(holes[i], holesLeft);
            holesLeft -= count;
            result.AddRange(Enumerable.Repeat(LuaValue.Nil, count));
            result.Add(values[i]);
        }
        return [.. result];
    }

    /// <summary>Keys that keep their identity in Lua; positive integers only from <paramref name="positiveFloor"/> up.</summary>
    private static Gen<LuaValue> HashKey(long positiveFloor) => Gen.Frequency(
        (5, String),
        (1, Boolean),
        (2, Int64.Select(i => (LuaValue)new LuaInteger(i > 0 ? -i : i))),
        (2, Gen.Frequency(
                (3, Gen.Choose(0, 1000).Select(offset => positiveFloor + offset)),
                (1, Gen.Elements(long.MaxValue, 1L << 40))).Select(i => (LuaValue)new LuaInteger(i))),
        // Infinities stay float keys: Lua converts only floats with an exact integer value to integer keys.
        (2, Double.Where(d => !double.IsNaN(d) && (double.IsInfinity(d) || d != Math.Floor(d)))
            .Select(d => (LuaValue)new LuaFloat(d))));
}
