using System.Globalization;
using System.Text;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Reporting.History;

/// <summary>history.md: the summary per version, per-family pass counts, what changed between neighbours, then the
/// rules × versions matrix (one symbol per outcome, so the table stays narrow).</summary>
public static class HistoryMarkdownWriter
{
    public const string FileName = "history.md";

    /// <summary>The matrix's symbols; "·" is a rule the run did not have.</summary>
    public static string Symbol(RuleOutcome? outcome) => outcome switch
    {
        RuleOutcome.Pass => "✅",
        RuleOutcome.Fail => "❌",
        RuleOutcome.Error => "💥",
        RuleOutcome.Timeout => "⏱",
        RuleOutcome.NotSupported => "➖",
        null => "·",
        _ => "?",
    };

    public static string Write(HistoryMatrix matrix)
    {
        var md = new StringBuilder();
        var labels = matrix.Columns.Select(c => c.Label).ToList();
        md.AppendLine($"# Conformance history, profile {matrix.Columns[0].Run.Profile.ToString().ToLowerInvariant()}").AppendLine();
        md.AppendLine($"Suite {string.Join(", ", matrix.Columns.Select(c => c.Run.SuiteVersion).Distinct())}. Outcomes as each kernel gave them (not judged against expectations). ")
            .AppendLine("✅ pass, ❌ fail, 💥 error, ⏱ timeout, ➖ not supported, · not run.").AppendLine();
        md.AppendLine("| | " + string.Join(" | ", labels) + " |");
        md.AppendLine("|---|" + string.Concat(labels.Select(_ => "---|")));
        md.AppendLine("| MUST rules passed | " + string.Join(" | ", labels.Select((_, i) => Percent(matrix.MustPercent(i)))) + " |");
        md.AppendLine("| COMPAT rules passed | " + string.Join(" | ", labels.Select((_, i) => Percent(matrix.CompatPercent(i)))) + " |");
        foreach (var (family, counts) in matrix.Families())
        {
            md.AppendLine($"| {family} | " + string.Join(" | ", counts.Select(c => $"{c.Passed}/{c.Total}")) + " |");
        }
        md.AppendLine().AppendLine("## Kernels").AppendLine();
        foreach (var (label, run) in matrix.Columns) md.AppendLine($"- **{label}**: {run.Adapter.Name} {run.Adapter.Version}");
        md.AppendLine().AppendLine("## What changed between neighbours").AppendLine();
        for (var i = 1; i < matrix.Columns.Count; i++)
        {
            var changes = matrix.Changes(i);
            md.AppendLine($"### {labels[i - 1]} → {labels[i]}: {changes.Count} rule(s)").AppendLine();
            foreach (var (rule, before, after) in changes) md.AppendLine($"- `{rule}`: {Symbol(before)} → {Symbol(after)}");
            md.AppendLine();
        }
        md.AppendLine("## Every rule").AppendLine();
        md.AppendLine("| rule | " + string.Join(" | ", labels) + " |");
        md.AppendLine("|---|" + string.Concat(labels.Select(_ => "---|")));
        foreach (var id in matrix.RuleIds)
        {
            md.AppendLine($"| `{id}` | " + string.Join(" | ", labels.Select((_, i) => Symbol(matrix.Cell(id, i)?.Outcome))) + " |");
        }
        return md.ToString();
    }

    private static string Percent(double? p) => p is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
