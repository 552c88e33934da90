using System.Globalization;
using System.Text.Json.Nodes;
using Phoenix.Values;

namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>
/// Lua values as JSON, exactly (ADAPTER-PROTOCOL.md, "Values"): nil is <c>null</c>, booleans are JSON booleans, and
/// every other value is an object with one key that names its kind: <c>{"i":"-3"}</c> (an integer as decimal text,
/// so 64 bits survive hosts whose JSON numbers are doubles), <c>{"f":"bff0000000000000"}</c> (a float as its IEEE 754
/// bits in 16 hex digits, so -0.0, infinities and every NaN payload survive), <c>{"s":"AP8="}</c> (a string's bytes
/// in base64), <c>{"t":{"a":[…],"h":[[k,v],…]}}</c> (a table's array part with nil holes, and its hash part) and
/// <c>{"o":"function"}</c> (an opaque value's type name).
/// </summary>
public static class ValueCodec
{
    public static JsonNode? Encode(LuaValue value) => value switch
    {
        LuaNil => null,
        LuaBoolean b => JsonValue.Create(b.Value),
        LuaInteger i => new JsonObject { ["i"] = i.Value.ToString(CultureInfo.InvariantCulture) },
        LuaFloat f => new JsonObject { ["f"] = f.Bits.ToString("x16", CultureInfo.InvariantCulture) },
        LuaString s => new JsonObject { ["s"] = Convert.ToBase64String(s.Bytes) },
        LuaTable t => new JsonObject
        {
            ["t"] = new JsonObject
            {
                ["a"] = new JsonArray([.. t.Array.Select(Encode)]),
                ["h"] = new JsonArray([.. t.Hash.Select(kv => (JsonNode)new JsonArray(Encode(kv.Key), Encode(kv.Value)))]),
            },
        },
        LuaOpaque o => new JsonObject { ["o"] = o.TypeName },
        _ => throw new ArgumentException($"No wire form for {value.GetType().Name}.", nameof(value)),
    };

    public static JsonArray EncodeList(IEnumerable<LuaValue> values) => new([.. values.Select(Encode)]);

    /// <summary>Reads a value; anything that is not exactly one of the forms above is a <see cref="ProtocolException"/>.</summary>
    public static LuaValue Decode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return LuaNil.Instance;
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return new LuaBoolean(b);
            case JsonObject o when o.Count == 1:
                var (key, inner) = o.First();
                return key switch
                {
                    "i" => long.TryParse(Text(inner, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                        ? new LuaInteger(i)
                        : throw new ProtocolException($"integer {Quote(inner)} is not decimal text of a 64-bit integer"),
                    "f" => DecodeFloat(Text(inner, key)),
                    "s" => DecodeString(Text(inner, key)),
                    "t" => DecodeTable(inner),
                    "o" => Text(inner, key) is { Length: > 0 } type ? new LuaOpaque(type) : throw new ProtocolException("opaque value without a type name"),
                    _ => throw new ProtocolException($"unknown value kind '{key}'"),
                };
            default:
                throw new ProtocolException($"{Quote(node)} is not a value (null, a boolean, or an object with one of i, f, s, t, o)");
        }
    }

    public static IReadOnlyList<LuaValue> DecodeList(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(Decode)] : throw new ProtocolException($"{Quote(node)} is not a list of values");

    private static LuaFloat DecodeFloat(string hex)
    {
        if (hex.Length != 16 || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            throw new ProtocolException($"float '{hex}' is not 16 hex digits of IEEE 754 bits");
        }
        return new LuaFloat(BitConverter.Int64BitsToDouble(unchecked((long)bits)));
    }

    private static LuaString DecodeString(string base64)
    {
        try
        {
            return new LuaString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new ProtocolException($"string '{Shorten(base64)}' is not base64");
        }
    }

    private static LuaTable DecodeTable(JsonNode? node)
    {
        if (node is not JsonObject o || o["a"] is not JsonArray array || o["h"] is not JsonArray hash || o.Count != 2)
        {
            throw new ProtocolException($"table {Quote(node)} is not {{\"a\":[…],\"h\":[…]}}");
        }
        var pairs = hash.Select(p => p is JsonArray { Count: 2 } kv
            ? new KeyValuePair<LuaValue, LuaValue>(Decode(kv[0]), Decode(kv[1]))
            : throw new ProtocolException($"table entry {Quote(p)} is not a [key, value] pair")).ToList();
        foreach (var (k, _) in pairs)
        {
            if (k is LuaNil || k is LuaFloat f && double.IsNaN(f.Value)) throw new ProtocolException($"table key {k} cannot be a Lua table key");
        }
        return new LuaTable(array.Select(Decode), pairs);
    }

    private static string Text(JsonNode? node, string key) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ProtocolException($"'{key}' needs a JSON string, not {Quote(node)}");

    internal static string Quote(JsonNode? node) => node is null ? "null" : Shorten(node.ToJsonString());

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
