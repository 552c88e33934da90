using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// The edge values of the round-trip property, pinned as examples: a property run might not draw them, and these are
/// the ones a marshaller most often breaks. Each also checks what Lua itself sees, not only what comes back, since a
/// pair of compensating bugs (push 1.0 as 1, pull 1 as 1.0) would pass a pure round trip.
/// </summary>
public class ValueRoundTripExamples
{
    private static IEnumerable<TestCaseData> Values()
    {
        // Integers at both ends of int64: must not pass through a double (which would round them).
        yield return Case(long.MinValue, "integer", "math.mininteger");
        yield return Case(long.MaxValue, "integer", "math.maxinteger");
        // 2^53 + 1 is the first integer a double cannot hold.
        yield return Case((1L << 53) + 1, "integer", "9007199254740993");
        // An integral float stays a float: Lua 5.4 distinguishes 1 and 1.0 (math.type, string formatting).
        yield return Case(1.0, "float", "1.0");
        // -0.0 keeps its sign: 1/x tells it apart from 0.0.
        yield return Case(-0.0, "float", "-0.0");
        // NaN crosses as NaN (compared by x ~= x inside Lua).
        yield return Case(double.NaN, "float", "0/0");
        // Infinities and the largest finite double must not overflow or clamp.
        yield return Case(double.PositiveInfinity, "float", "math.huge");
        yield return Case(-double.MaxValue, "float", "-1.7976931348623157e308");
        // NUL bytes inside a string: C-string handling would cut it at the first one.
        yield return Case(new LuaString("a\0b\0"u8), "string", "'a\\0b\\0'");
        // Invalid UTF-8 (overlong '/', lone continuation byte): must not be "repaired" into U+FFFD.
        yield return Case(new LuaString([0xC0, 0xAF, 0x80]), "string", "'\\xC0\\xAF\\x80'");
        // A list with holes keeps its slots: {1, nil, 3} is not {1, 3}.
        yield return Case(new LuaTable([1L, LuaValue.Nil, 3L]), "table", "{1, nil, 3}");
        // A hole in slot 1: the array part may start with nil.
        yield return Case(new LuaTable([LuaValue.Nil, "x"]), "table", "{nil, 'x'}");
    }

    [TestCaseSource(nameof(Values))]
    public void EdgeValue_RoundTrip_ComesBackIdenticalAndLuaSeesTheSameValue(LuaValue value, string luaType, string luaLiteral)
    {
        using var host = new EngineHost();
        var results = host.Run(
            $"local v = ... local expected = {luaLiteral} " +
            "local same = rawequal(v, expected) or (v ~= v and expected ~= expected) " +
            "if type(v) == 'number' and v == 0 then same = same and 1/v == 1/expected end " +
            "if type(v) == 'table' then same = v[1] == expected[1] and v[2] == expected[2] and v[3] == expected[3] end " +
            "return v, math.type(v) or type(v), same",
            "=probe", value);

        Assert.That(StrictLuaEquality.AreIdentical(value, results[0]), Is.True, $"sent {value}, got {results[0]}");
        Assert.That(results[1], Is.EqualTo((LuaValue)luaType));
        Assert.That(results[2], Is.EqualTo((LuaValue)true), $"Lua did not see {value} as {luaLiteral}");
    }

    [Test]
    public void NestedTable_RoundTrip_KeepsEveryLevel()
    {
        // Nesting is where depth-tracking and cycle-detection code lives; a shared subtable is not a cycle.
        var shared = new LuaTable([1.5]);
        var value = new LuaTable(
            [shared, new LuaTable([new LuaTable([LuaValue.Nil, "deep"])]), shared],
            [new("k", LuaTable.Record(("inner", -0.0))), new(-1L, shared)]);
        using var host = new EngineHost();

        var results = host.Run("return ...", "=id", value);

        Assert.That(StrictLuaEquality.AreIdentical(value, results[0]), Is.True, $"sent {value}, got {results[0]}");
    }

    private static TestCaseData Case(LuaValue value, string luaType, string luaLiteral) =>
        new TestCaseData(value, luaType, luaLiteral).SetArgDisplayNames(value.ToString());
}
