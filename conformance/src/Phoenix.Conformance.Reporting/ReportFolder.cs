using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.JUnit;
using Phoenix.Conformance.Reporting.Markdown;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting;

/// <summary>Writes the four reports of a run into one folder (reports/out/&lt;implementation&gt;/ by default).</summary>
public static class ReportFolder
{
    /// <summary>Writes results.json, junit.xml, report.md and report.html; returns their paths.</summary>
    public static IReadOnlyList<string> Write(RunResults run, string folder)
    {
        Directory.CreateDirectory(folder);
        (string Name, string Text)[] files =
        [
            (ResultsJson.FileName, ResultsJson.Write(run)),
            (JUnitReportWriter.FileName, JUnitReportWriter.Write(run)),
            (MarkdownReportWriter.FileName, MarkdownReportWriter.Write(run)),
            (HtmlReportWriter.FileName, HtmlReportWriter.Write(run)),
        ];
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            paths.Add(path);
        }
        return paths;
    }
}
