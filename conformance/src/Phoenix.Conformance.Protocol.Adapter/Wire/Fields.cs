using System.Text.Json.Nodes;

namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>Typed reads of message fields; a missing or mistyped field is a <see cref="ProtocolException"/> naming it.</summary>
public static class Fields
{
    public static string String(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Missing(o, name, "a string");

    public static string? OptionalString(JsonObject o, string name) => o[name] is null ? null : String(o, name);

    public static long Integer(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : throw Missing(o, name, "an integer");

    public static bool Boolean(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw Missing(o, name, "a boolean");

    public static JsonObject Object(JsonObject o, string name) => o[name] as JsonObject ?? throw Missing(o, name, "an object");

    public static JsonArray Array(JsonObject o, string name) => o[name] as JsonArray ?? throw Missing(o, name, "an array");

    public static JsonObject AsObject(JsonNode? node, string what) =>
        node as JsonObject ?? throw new ProtocolException($"{what} {ValueCodec.Quote(node)} is not an object");

    public static string AsString(JsonNode? node, string what) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ProtocolException($"{what} {ValueCodec.Quote(node)} is not a string");

    private static ProtocolException Missing(JsonObject o, string name, string kind) =>
        new($"field '{name}' must be {kind}; got {(o.ContainsKey(name) ? ValueCodec.Quote(o[name]) : "nothing")}");
}
