using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>The protocol's constants and its framing: one JSON object per line, UTF-8, no line breaks inside
/// (JSON escapes them). See conformance/ADAPTER-PROTOCOL.md.</summary>
public static class Framing
{
    /// <summary>The version this side speaks; the handshake picks it or fails.</summary>
    public const int Version = 1;

    /// <summary>Operations after the handshake, as named on the wire.</summary>
    public static readonly IReadOnlyList<string> KernelOperations =
        ["syscall", "readSyslog", "runUserChunk", "attach", "detach", "readPeripheralLog"];

    /// <summary>The longest line either side accepts (64 MiB): a host that streams without a newline is junk, not a
    /// reason to fill memory.</summary>
    public const int MaxLineChars = 64 * 1024 * 1024;

    /// <summary>Nesting allowed in a message: deep tables cross (each level of table is three levels of JSON).</summary>
    public const int MaxDepth = 1024;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        MaxDepth = MaxDepth,
        // Non-ASCII text stays readable UTF-8; control characters, quotes and backslashes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    public static string Write(JsonObject message) => message.ToJsonString(WriteOptions);

    /// <summary>Parses one line; anything but a JSON object is a <see cref="ProtocolException"/>.</summary>
    public static JsonObject Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line, NodeOptions, DocumentOptions) as JsonObject
                ?? throw new ProtocolException($"'{Shorten(line)}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ProtocolException($"'{Shorten(line)}' is not JSON: {e.Message}");
        }
    }

    /// <summary>Reads one line of at most <see cref="MaxLineChars"/>; null at the end of the stream.</summary>
    public static string? ReadLine(TextReader reader)
    {
        var line = new System.Text.StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c < 0) return line.Length == 0 ? null : line.ToString();
            if (c == '\n') return line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
            if (line.Length >= MaxLineChars) throw new ProtocolException($"a line longer than {MaxLineChars} characters");
            line.Append((char)c);
        }
    }

    public static JsonObject Success(JsonNode? id, JsonNode? result) => new() { ["id"] = id?.DeepClone(), ["ok"] = true, ["result"] = result };

    public static JsonObject Error(JsonNode? id, string kind, string message, string? operation = null)
    {
        var error = new JsonObject { ["kind"] = kind, ["message"] = message };
        if (operation is not null) error["operation"] = operation;
        return new JsonObject { ["id"] = id?.DeepClone(), ["ok"] = false, ["error"] = error };
    }

    internal static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
