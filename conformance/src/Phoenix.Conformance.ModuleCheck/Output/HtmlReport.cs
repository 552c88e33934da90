using System.Net;
using System.Text;

namespace Phoenix.Conformance.ModuleCheck.Output;

/// <summary>The findings as one self-contained HTML page: a summary per module, then each finding with its check,
/// line, kernel path and message, and the checks' descriptions with the clause each serves.</summary>
public static class HtmlReport
{
    public static string Write(IReadOnlyList<ModuleCheckResult> results)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>check-module</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;width:100%}
            td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}code{font-size:.95em}
            .clean{color:#1a7f37}.warning{color:#9a6700}.error{color:#cf222e}.note{color:#57606a}</style></head><body>
            <h1>Module check</h1>
            """);
        html.Append("<h2>Modules</h2><table><tr><th>module</th><th>result</th></tr>");
        foreach (var r in results)
        {
            var counted = r.Findings.Count(f => f.Kind.Level != "note");
            html.Append($"<tr><td><code>{E(r.Module.DisplayPath)}</code></td><td class=\"{(r.Clean ? "clean" : "warning")}\">{(r.Clean ? "clean" : counted + " finding(s)")}{(r.Findings.Count > counted ? $", {r.Findings.Count - counted} note(s)" : "")}</td></tr>");
        }
        html.Append("</table><h2>Findings</h2>");
        if (results.All(r => r.Findings.Count == 0)) html.Append("<p class=\"clean\">None.</p>");
        else
        {
            html.Append("<table><tr><th>module</th><th>line</th><th>check</th><th>kernel path / reached through</th><th>message</th></tr>");
            foreach (var f in results.SelectMany(r => r.Findings))
            {
                html.Append($"<tr class=\"{f.Kind.Level}\"><td><code>{E(Path.GetFileName(f.File))}</code></td><td>{f.Line}</td><td>{E(f.CheckId)}</td><td><code>{E(f.Path)}</code></td><td>{E(f.Message)}</td></tr>");
            }
            html.Append("</table>");
        }
        html.Append("<h2>Checks</h2><table><tr><th>check</th><th>level</th><th>what it means</th></tr>");
        foreach (var k in ModuleChecks.All)
        {
            var clause = k.Clause is null ? "" : $"<br><a href=\"{E(k.Clause.Link)}\">{E(k.Clause.Id)}</a> ({E(k.Clause.Level.ToString().ToUpperInvariant())}): {E(k.Clause.Text)}";
            html.Append($"<tr><td>{E(k.Id)}</td><td class=\"{k.Level}\">{k.Level}</td><td>{E(k.Help)}{clause}</td></tr>");
        }
        html.Append("</table></body></html>\n");
        return html.ToString();
    }
}
