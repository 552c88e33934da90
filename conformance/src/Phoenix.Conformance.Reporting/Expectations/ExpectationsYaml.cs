using Phoenix.Conformance.Reporting.Results;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Conformance.Reporting.Expectations;

/// <summary>
/// Reads and writes expectations files: a YAML mapping from rule ID to <c>outcome</c> (pass, fail, error, timeout,
/// notSupported), <c>reason</c> and an optional <c>link</c>. Unknown keys and a rule listed twice are errors, with
/// their line, so a typo cannot silently turn an expectation off (rule IDs the suite does not have are checked by
/// the run, which knows the rules). Format documented in reports/README.md.
/// </summary>
public static class ExpectationsYaml
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ExpectationsException"/> with a one-line reason.</summary>
    public static ExpectationSet Read(string path)
    {
        string text;
        // The OS says "access denied" for a folder, which sends people looking at permissions.
        if (Directory.Exists(path)) throw new ExpectationsException($"Cannot read expectations file '{path}': it is a folder, not a file.");
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ExpectationsException($"Cannot read expectations file '{path}': {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static ExpectationSet Parse(string text, string source = "expectations")
    {
        var lines = RuleLines(text, source);
        Dictionary<string, Entry?>? raw;
        try
        {
            raw = Reader.Deserialize<Dictionary<string, Entry?>?>(text);
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new ExpectationsException($"Invalid expectations file '{source}' at line {e.Start.Line}: {reason}", e);
        }
        var entries = new List<KeyValuePair<string, Expectation>>();
        foreach (var (id, entry) in raw ?? [])
        {
            if (!Classification.TryParseOutcome(entry?.Outcome, out var outcome))
            {
                throw new ExpectationsException($"Invalid expectations file '{source}': rule '{id}' has outcome '{entry?.Outcome}' (expected pass, fail, error, timeout or notSupported).");
            }
            entries.Add(KeyValuePair.Create(id, new Expectation(outcome, entry!.Reason, entry.Link)));
        }
        return new ExpectationSet(entries, lines);
    }

    /// <summary>The line of each top-level key; a key given twice is an error (a YAML mapping would keep only one of
    /// them, silently).</summary>
    private static Dictionary<string, int> RuleLines(string text, string source)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            var duplicate = reason.Contains("same key", StringComparison.OrdinalIgnoreCase) || reason.Contains("duplicate", StringComparison.OrdinalIgnoreCase);
            throw new ExpectationsException(duplicate
                ? $"Invalid expectations file '{source}' at line {e.Start.Line}: a rule is listed twice"
                : $"Invalid expectations file '{source}' at line {e.Start.Line}: {reason}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return lines;
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is null) continue;
            if (!lines.TryAdd(key.Value, (int)key.Start.Line))
            {
                throw new ExpectationsException($"Invalid expectations file '{source}' at line {key.Start.Line}: rule '{key.Value}' is listed twice (first at line {lines[key.Value]}).");
            }
        }
        return lines;
    }

    /// <summary>The comment lines that open the file at <paramref name="path"/> (null when there is none, or no
    /// file): --update-expectations keeps what its owner wrote there.</summary>
    public static string? HeaderOf(string path)
    {
        if (!File.Exists(path)) return null;
        var header = File.ReadLines(path).TakeWhile(l => l.StartsWith('#') || l.Trim().Length == 0).ToList();
        while (header.Count > 0 && header[^1].Trim().Length == 0) header.RemoveAt(header.Count - 1);
        return header.Count == 0 ? null : string.Join('\n', header) + "\n";
    }

    /// <summary>The file text for <paramref name="set"/>, rules in ordinal order so rewrites diff cleanly.</summary>
    public static string Write(ExpectationSet set, string adapterName, string? header = null)
    {
        header ??= $"# Expected results of the Phoenix conformance suite for adapter '{adapterName}'.\n" +
                     "# rule ID -> outcome (pass|fail|error|timeout|notSupported), reason, optional link.\n" +
                     "# Rules not listed are expected to pass. Rewrite with: run --expectations <this file> --update-expectations\n";
        if (set.Count == 0) return header + "{}\n";
        var body = set.Entries.ToDictionary(
            e => e.Key,
            e => new Entry { Outcome = Classification.Key(e.Value.Outcome), Reason = e.Value.Reason, Link = e.Value.Link },
            StringComparer.Ordinal);
        return header + Writer.Serialize(body);
    }

    /// <summary>One entry as YAML sees it; public with setters because YamlDotNet binds through them.</summary>
    public sealed class Entry
    {
        public string? Outcome { get; set; }

        public string? Reason { get; set; }

        public string? Link { get; set; }
    }
}
