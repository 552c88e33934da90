using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>The summary table the issue asks for while a run goes: per clause family, passed, failed, errors, not
/// supported (timeouts and expected failures too, since they decide the exit code). Shared by both views.</summary>
public static class FamilyTable
{
    public static readonly string[] Headers = ["Family", "Rules", "Passed", "Failed", "Errors", "Timeouts", "Not supported", "Expected failures", "Unexpected passes"];

    public static IEnumerable<string[]> Rows(IEnumerable<RuleRecord> records) =>
        records.GroupBy(r => r.Family)
            .OrderBy(g => RunResults.FamilyOrder(g.Key))
            .Select(g => (Name: RunResults.FamilyLabel(g.Key), Summary: RunSummary.Of(g)))
            .Select(x => new[]
            {
                x.Name, N(x.Summary.Total), N(x.Summary.Passed), N(x.Summary.Failed), N(x.Summary.Errors), N(x.Summary.Timeouts),
                N(x.Summary.NotSupported), N(x.Summary.ExpectedFailures), N(x.Summary.UnexpectedPasses),
            });

    /// <summary>The table as aligned plain text, for logs.</summary>
    public static string ToText(IEnumerable<RuleRecord> records)
    {
        var rows = Rows(records).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return string.Join('\n', rows.Select(r => string.Join("  ", r.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd())) + "\n";
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
