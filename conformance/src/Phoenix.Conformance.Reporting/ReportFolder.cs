using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.JUnit;
using Phoenix.Conformance.Reporting.Markdown;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting;

/// <summary>Writes the four reports of a run into one folder (reports/out/&lt;implementation&gt;/ by default).</summary>
public static class ReportFolder
{
    /// <summary>
    /// Writes results.json, junit.xml, report.md and report.html; returns their paths. With
    /// <paramref name="jobs"/> above 1 the four are rendered and written on that many threads: they share nothing
    /// but the (immutable) run, and a parallel run would otherwise end on one core.
    /// </summary>
    public static IReadOnlyList<string> Write(RunResults run, string folder, int jobs = 1)
    {
        Directory.CreateDirectory(folder);
        (string Name, Func<RunResults, string> Render)[] reports =
        [
            (ResultsJson.FileName, r => ResultsJson.Write(r)),
            (JUnitReportWriter.FileName, r => JUnitReportWriter.Write(r)),
            (MarkdownReportWriter.FileName, r => MarkdownReportWriter.Write(r)),
            (HtmlReportWriter.FileName, r => HtmlReportWriter.Write(r)),
        ];
        var paths = reports.Select(r => Path.Combine(folder, r.Name)).ToArray();
        void WriteOne(int i) => File.WriteAllText(paths[i], reports[i].Render(run));
        if (jobs <= 1)
        {
            for (var i = 0; i < reports.Length; i++) WriteOne(i);
            return paths;
        }
        try
        {
            Parallel.For(0, reports.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs }, WriteOne);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle an IOException as from a serial write; the first one stands for all.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return paths;
    }
}
