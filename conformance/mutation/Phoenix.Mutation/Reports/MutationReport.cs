using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Phoenix.Mutation.Running;

namespace Phoenix.Mutation.Reports;

/// <summary>A finished (or resumed) mutation run: what was run, the scores, every result. Written as Markdown (for
/// people: scores and survivors with their diff line) or JSON (everything; what --resume reads).</summary>
public sealed record MutationReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>How the mutants were chosen: "all", "sample N seed S", a file or mutant filter.</summary>
    public required string Selection { get; init; }

    public required int Generated { get; init; }

    public required double DurationSeconds { get; init; }

    public required IReadOnlyList<MutantResult> Results { get; init; }

    public IReadOnlyList<Score> Scores => Score.Table(Results.ToArray());

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public void Write(string path)
    {
        var text = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ToJson() : ToMarkdown();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
    }

    public string ToJson() => JsonSerializer.Serialize(new JsonModel(SchemaVersion, Selection, Generated, DurationSeconds, Scores, Results), Json);

    /// <summary>The results of a JSON report written earlier (for --resume).</summary>
    public static IReadOnlyList<MutantResult> ReadResults(string path)
    {
        var model = JsonSerializer.Deserialize<JsonModel>(File.ReadAllText(path), Json)
            ?? throw new FormatException($"{path}: not a mutation report");
        if (model.SchemaVersion != CurrentSchemaVersion) throw new FormatException($"{path}: schema version {model.SchemaVersion}, expected {CurrentSchemaVersion}");
        return model.Results;
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Mutation testing of the reference kernel's Lua glue").AppendLine();
        md.AppendLine($"Selection: {Selection}; {Results.Count} mutants of {Generated} generated; {DurationSeconds:0} s " +
                      $"({(Results.Count(r => r.DurationMs > 0) is var ran and > 0 ? Results.Sum(r => r.DurationMs) / ran / 1000 : 0):0.00} s per mutant run).").AppendLine();
        md.AppendLine("| family | scored | killed | stillborn | COMPAT-only | ADVISORY-only | survived | equivalent | page score | with COMPAT/ADVISORY |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in Scores)
        {
            md.AppendLine($"| {s.Name} | {s.Scored} | {s.Killed} | {s.Stillborn} | {s.CompatOnly} | {s.AdvisoryOnly} | {s.Survived} | {s.Equivalent} | {Score.Percent(s.PagePercent)} | {Score.Percent(s.WithCompatPercent)} |");
        }
        Section(md, "Survivors (no rule catches them)", MutantOutcome.Survived);
        Section(md, "Caught only by COMPAT rules (not by the page's rules)", MutantOutcome.CompatOnly);
        Section(md, "Caught only by ADVISORY rules", MutantOutcome.AdvisoryOnly);
        return md.ToString();
    }

    private void Section(StringBuilder md, string title, MutantOutcome outcome)
    {
        var list = Results.Where(r => r.Outcome == outcome).OrderBy(r => r.Script, StringComparer.Ordinal).ThenBy(r => r.Line).ToArray();
        md.AppendLine().AppendLine($"## {title}: {list.Length}").AppendLine();
        foreach (var r in list)
        {
            var by = r.KilledBy is null ? "" : $" — caught by {r.KilledBy} in {r.Profile}";
            md.AppendLine($"- `{r.Script}:{r.Line}` {r.Operator} ({r.Family}{(r.Function is null ? "" : ", " + r.Function)}), id `{r.Id}`{by}");
            md.AppendLine($"  - `- {r.Before.Replace("`", "'", StringComparison.Ordinal)}`");
            md.AppendLine($"  - `+ {r.After.Replace("`", "'", StringComparison.Ordinal)}`");
        }
    }

    private sealed record JsonModel(int SchemaVersion, string Selection, int Generated, double DurationSeconds, IReadOnlyList<Score> Scores, IReadOnlyList<MutantResult> Results);
}
