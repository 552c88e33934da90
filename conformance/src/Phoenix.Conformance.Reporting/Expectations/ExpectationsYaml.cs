using Phoenix.Conformance.Reporting.Results;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Conformance.Reporting.Expectations;

/// <summary>
/// Reads and writes expectations files: a YAML mapping from rule ID to <c>outcome</c> (pass, fail, error, timeout,
/// notSupported), <c>reason</c> and an optional <c>link</c>. Unknown keys are errors, so a typo cannot silently
/// turn an expectation off. Format documented in reports/README.md.
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
        return new ExpectationSet(entries);
    }

    /// <summary>The file text for <paramref name="set"/>, rules in ordinal order so rewrites diff cleanly.</summary>
    public static string Write(ExpectationSet set, string adapterName)
    {
        var header = $"# Expected results of the Phoenix conformance suite for adapter '{adapterName}'.\n" +
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
