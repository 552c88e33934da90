using System.Text.Json;
using System.Text.Json.Serialization;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.Json;

/// <summary>
/// results.json: camelCase, enums as camelCase strings (levels upper-case), indented, null fields left out,
/// property order fixed by the model. Read back for <c>diff</c> and <c>--baseline</c>.
/// </summary>
public static class ResultsJson
{
    public const string FileName = "results.json";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        IndentSize = 2,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        NewLine = "\n",
        // A report file, never embedded in HTML: keep <, & and ' readable in failure messages.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RunResults results) => JsonSerializer.Serialize(results, Options) + "\n";

    /// <summary>Reads a results file; throws <see cref="ResultsFileException"/> with a one-line reason.</summary>
    public static RunResults Read(string path)
    {
        if (Directory.Exists(path)) throw new ResultsFileException($"Cannot read results file '{path}': it is a folder, not a file.");
        try
        {
            var results = JsonSerializer.Deserialize<RunResults>(File.ReadAllText(path), Options)
                ?? throw new ResultsFileException($"Results file '{path}' is empty.");
            if (results.SchemaVersion > RunResults.CurrentSchemaVersion)
            {
                throw new ResultsFileException($"Results file '{path}' has schema version {results.SchemaVersion}; this tool reads up to {RunResults.CurrentSchemaVersion}.");
            }
            return results with { Rules = results.Rules ?? [] };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            throw new ResultsFileException($"Cannot read results file '{path}': {e.Message.Split('\n')[0]}", e);
        }
    }
}
