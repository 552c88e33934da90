using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Rom;

/// <summary>Our textutils against CC: Tweaked's documented behaviour (tweaked.cc/module/textutils.html): serialise's
/// documented layouts, round trips through unserialise, its errors, and JSON both ways.</summary>
public class TextutilsTests
{
    private static IReadOnlyList<LuaValue> Run(string lua)
    {
        using var run = new Host.KernelRun(RomLoader.Prelude + lua);
        return run.Values;
    }

    [Test]
    public void Serialise_DocumentedExamples_HaveTheDocumentedLayout() =>
        Assert.That(Run("""
            local t = { 1, false, "Hello, world!" }
            report(textutils.serialise(t), textutils.serialize(t, { compact = true }), textutils.serialize({}), textutils.serialize("a\nb"))
            """), Is.EqualTo(new LuaValue[] { "{\n  1,\n  false,\n  \"Hello, world!\",\n}", "{1,false,\"Hello, world!\",}", "{}", "\"a\\nb\"" }));

    [Test]
    public void Serialise_ThenUnserialise_GivesTheSameData()
    {
        var values = Run("""
            local t = { 1, "two", false, nested = { x = 1.5, ["not an id"] = "q\n\0\255", ["end"] = true }, [10] = -0.0,
                [2.5] = 1/0, big = math.mininteger, third = 0.1 + 0.2, huge = 2^63 }
            local compact = textutils.unserialise(textutils.serialise(t, { compact = true }))
            report(t, textutils.unserialise(textutils.serialise(t)), compact)
            """);
        Assert.That(values[1], Is.EqualTo(values[0]));
        Assert.That(values[2], Is.EqualTo(values[0]));
    }

    [Test]
    public void Serialise_Unserialisable_RaisesCcMessages()
    {
        var values = Run("""
            local loop = {}
            loop.self = loop
            local shared = {}
            local function err(...) return select(2, pcall(textutils.serialize, ...)) end
            report(err(loop), err({ a = shared, b = shared }), err(print or pairs),
                textutils.serialize({ a = shared, b = shared }, { allow_repetitions = true, compact = true }) ~= nil)
            """);
        Assert.That(values, Is.EqualTo(new LuaValue[]
        {
            "Cannot serialize table with recursive entries", "Cannot serialize table with repeated entries", "Cannot serialize type function", true,
        }));
    }

    [Test]
    public void Unserialise_NotAnExpression_IsNil() =>
        Assert.That(Run("""report(textutils.unserialize("{") == nil, textutils.unserialize("os.shutdown()") == nil, textutils.unserialize("error('x')") == nil)"""),
            Is.EqualTo(new LuaValue[] { true, true, true }));

    [Test]
    public void SerialiseJson_WritesJson() =>
        Assert.That(Run("""
            report(textutils.serialiseJSON({ 1, 2, 3 }), textutils.serializeJSON({ a = true }), textutils.serialiseJSON("a\"\n\1\128"),
                textutils.serialiseJSON(textutils.empty_json_array), textutils.serialiseJSON({ x = textutils.json_null }),
                textutils.serialiseJSON({ a = 1 }, true), textutils.serialiseJSON(2.0), textutils.serialiseJSON("é", { unicode_strings = true }))
            """), Is.EqualTo(new LuaValue[] { "[1,2,3]", "{\"a\":true}", "\"a\\\"\\n\\u0001\\u0080\"", "[]", "{\"x\":null}", "{a:1}", "2", "\"é\"" }));

    [Test]
    public void UnserialiseJson_ReadsJsonAndRoundTrips()
    {
        var values = Run("""
            local v = textutils.unserialiseJSON(' { "a" : [1, 2.5, -3e2, {"b": null}], "c": "\\u0041\\n", "d": true } ')
            local back = textutils.unserialiseJSON(textutils.serialiseJSON({ list = { 1, "x", false }, s = "\1\128" }))
            local empty = textutils.unserialiseJSON("[]")
            local kept = textutils.unserialiseJSON('[null]', { parse_null = true })
            report(v, back, empty == textutils.empty_json_array, kept[1] == textutils.json_null,
                textutils.unserializeJSON("{a:1}", { nbt_style = true }), textutils.unserialiseJSON("[1,"))
            """);
        Assert.Multiple(() =>
        {
            Assert.That(values[0], Is.EqualTo((LuaValue)LuaTable.Record(("a", new LuaTable(new LuaValue[] { 1L, 2.5, -300.0, LuaTable.Record() })), ("c", "A\n"), ("d", true))));
            Assert.That(values[1], Is.EqualTo((LuaValue)LuaTable.Record(("list", new LuaTable(new LuaValue[] { 1L, "x", false })), ("s", new LuaString(new byte[] { 1, 0x80 })))));
            Assert.That(values[2], Is.EqualTo((LuaValue)true), "[] is empty_json_array by default");
            Assert.That(values[3], Is.EqualTo((LuaValue)true), "parse_null keeps null as json_null");
            Assert.That(values[4], Is.EqualTo((LuaValue)LuaTable.Record(("a", 1L))));
            Assert.That(values[5], Is.EqualTo(LuaValue.Nil), "malformed JSON is nil and a message");
            Assert.That(((LuaString)values[6]).Text, Does.Contain("position"));
        });
    }
}
