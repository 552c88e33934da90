using System.Net;
using System.Text;

namespace Phoenix.Conformance.Reporting.History;

/// <summary>history.html: the Markdown report's matrix as one self-contained page, cells coloured by outcome and
/// titled with the rule's first failure line, so a reader hovers to see why.</summary>
public static class HistoryHtmlWriter
{
    public const string FileName = "history.html";

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: center; }
        td.rule { text-align: left; font-family: monospace; }
        .pass { background: #c8ecc8; } .fail { background: #f4c2c2; } .error, .timeout { background: #f7d98b; }
        .notsupported, .none { background: #eee; }
        """;

    public static string Write(HistoryMatrix matrix)
    {
        var html = new StringBuilder();
        var labels = matrix.Columns.Select(c => c.Label).ToList();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Conformance history</title><style>").Append(Style).AppendLine("</style></head><body>");
        html.AppendLine($"<h1>Conformance history, profile {matrix.Columns[0].Run.Profile.ToString().ToLowerInvariant()}</h1>");
        html.Append("<table><tr><th></th>").Append(string.Concat(labels.Select(l => $"<th>{E(l)}</th>"))).AppendLine("</tr>");
        html.Append("<tr><td class=\"rule\">MUST rules passed</td>").Append(string.Concat(labels.Select((_, i) => $"<td>{matrix.MustPercent(i):0.0}%</td>"))).AppendLine("</tr>");
        html.Append("<tr><td class=\"rule\">COMPAT rules passed</td>").Append(string.Concat(labels.Select((_, i) => $"<td>{matrix.CompatPercent(i):0.0}%</td>"))).AppendLine("</tr>");
        foreach (var (family, counts) in matrix.Families())
        {
            html.Append($"<tr><td class=\"rule\">{E(family)}</td>").Append(string.Concat(counts.Select(c => $"<td>{c.Passed}/{c.Total}</td>"))).AppendLine("</tr>");
        }
        html.AppendLine("</table><h2>Every rule</h2>");
        html.Append("<table><tr><th>rule</th>").Append(string.Concat(labels.Select(l => $"<th>{E(l)}</th>"))).AppendLine("</tr>");
        foreach (var id in matrix.RuleIds)
        {
            html.Append($"<tr><td class=\"rule\">{E(id)}</td>");
            for (var i = 0; i < labels.Count; i++)
            {
                var cell = matrix.Cell(id, i);
                var kind = cell?.Outcome.ToString().ToLowerInvariant() ?? "none";
                html.Append($"<td class=\"{kind}\" title=\"{E(Title(cell?.Message ?? kind))}\">{HistoryMarkdownWriter.Symbol(cell?.Outcome)}</td>");
            }
            html.AppendLine("</tr>");
        }
        html.AppendLine("</table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The first line, at most 200 characters: enough to say why, and the page stays small.</summary>
    private static string Title(string message)
    {
        var line = message.Split('\n')[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
