using System.Globalization;
using System.Text;
using Phoenix.Conformance.Reporting.Coverage;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Markdown;

/// <summary>
/// report.md: the summary a person reads in a pull request or a CI log. Page rules, COMPAT rules and ADVISORY rules
/// (when any ran) are in separate sections and the conformance figure counts MUST rules only, as clauses.md requires.
/// </summary>
public static class MarkdownReportWriter
{
    public const string FileName = "report.md";

    /// <param name="catalogue">The clauses the coverage table lists; default: the whole catalogue.</param>
    public static string Write(RunResults run, IReadOnlyList<Clause>? catalogue = null)
    {
        var md = new StringBuilder();
        var summary = RunSummary.Of(run.PageRules);
        md.Append(CultureInfo.InvariantCulture, $"# Phoenix conformance: {run.Adapter.Name}\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append(CultureInfo.InvariantCulture, $"| Implementation | {Cell(run.Adapter.Name)} {Cell(run.Adapter.Version)} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Profile | {run.Profile.ToString().ToLowerInvariant()} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Suite version | {run.SuiteVersion} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Clause catalogue | `{run.CatalogueHash}` |\n");
        if (run.Seed is not null) md.Append(CultureInfo.InvariantCulture, $"| Seed | {Cell(run.Seed)} |\n");
        if (run.Selection is { } chosen) md.Append(CultureInfo.InvariantCulture, $"| Selection | {Cell(chosen.ToString())} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Started | {run.StartedAt:yyyy-MM-dd HH:mm:ss zzz} |\n");
        md.Append(CultureInfo.InvariantCulture, $"| Duration | {Ms(run.DurationMs)} |\n\n");
        md.Append("## Summary\n\n");
        md.Append(summary.ConformancePercent is { } percent
            ? $"**Conformance: {percent.ToString("0.0", CultureInfo.InvariantCulture)}%** of MUST rules pass.\n\n"
            : "**Conformance: n/a** (no MUST rules ran).\n\n");
        FamilyTable(md, run);
        if (run.Baseline is { } baseline) BaselineSection(md, baseline);
        Unexpected(md, run);
        Section(md, "Page rules", run.PageRules, "MUST and SHOULD clauses of the page.");
        Section(md, "COMPAT rules", run.CompatRules, "Phoenix 0.0.9 behaviour where the page is silent; shown apart, never counted against conformance.");
        if (run.AdvisoryRules.Any()) AdvisorySection(md, run.AdvisoryRules);
        CoverageTable(md, run, catalogue);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void FamilyTable(StringBuilder md, RunResults run)
    {
        md.Append("| Family | Rules | Passed | Failed | Errors | Timeouts | Not supported | Expected failures | Unexpected passes |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (family, s) in run.Families)
        {
            var name = RunResults.FamilyLabel(family);
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {s.Total} | {s.Passed} | {s.Failed} | {s.Errors} | {s.Timeouts} | {s.NotSupported} | {s.ExpectedFailures} | {s.UnexpectedPasses} |\n");
        }
        md.Append('\n');
    }

    private static void BaselineSection(StringBuilder md, BaselineComparison baseline)
    {
        md.Append(CultureInfo.InvariantCulture, $"## Compared with baseline `{baseline.Path}`\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{baseline.Regressions.Count} regression(s), {baseline.NewPasses} new pass(es), {baseline.Added} rule(s) added, {baseline.Removed} removed.\n\n");
        foreach (var id in baseline.Regressions) md.Append(CultureInfo.InvariantCulture, $"- regression: `{id}`\n");
        if (baseline.Regressions.Count > 0) md.Append('\n');
    }

    private static void Unexpected(StringBuilder md, RunResults run)
    {
        var unexpected = run.Rules.Where(r => r.Verdict is Verdict.UnexpectedFailure or Verdict.UnexpectedPass).ToList();
        md.Append(CultureInfo.InvariantCulture, $"## Unexpected results ({unexpected.Count})\n\n");
        if (unexpected.Count == 0) md.Append("Every result is as expected.\n\n");
        foreach (var r in unexpected)
        {
            md.Append(CultureInfo.InvariantCulture, $"- `{r.Id}` ({r.Level.ToString().ToUpperInvariant()}): **{r.Label}**");
            if (r.Message is not null) md.Append(CultureInfo.InvariantCulture, $": {Cell(r.Message)}");
            if (r.Seed is not null) md.Append(CultureInfo.InvariantCulture, $" (replay with `--seed {r.Seed} --filter {r.Id}`)");
            md.Append('\n');
        }
        if (unexpected.Count > 0) md.Append('\n');
    }

    private static void Section(StringBuilder md, string title, IEnumerable<RuleRecord> rules, string note)
    {
        md.Append(CultureInfo.InvariantCulture, $"## {title}\n\n{note}\n\n");
        var byFamily = rules.GroupBy(r => r.Family).OrderBy(g => RunResults.FamilyOrder(g.Key)).ToList();
        if (byFamily.Count == 0) md.Append("No rules ran.\n\n");
        foreach (var family in byFamily)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {family.Key}\n\n| Rule | Level | Outcome | Duration | Message |\n|---|---|---|---:|---|\n");
            foreach (var r in family)
            {
                md.Append(CultureInfo.InvariantCulture, $"| `{r.Id}` | {r.Level.ToString().ToUpperInvariant()} | {r.Label} | {Ms(r.DurationMs)} | {Cell(r.Message ?? "")}{Seed(r)} |\n");
            }
            md.Append('\n');
        }
    }

    /// <summary>ADVISORY rules per clause, each under the page sentence it serves; a failure's message is the attack,
    /// step by step.</summary>
    private static void AdvisorySection(StringBuilder md, IEnumerable<RuleRecord> rules)
    {
        md.Append("## ADVISORY rules\n\nSecurity properties the page's stated intent needs but its letter does not require; shown apart, never counted against conformance. A failure describes the attack step by step.\n\n");
        foreach (var clause in rules.GroupBy(r => r.Clause))
        {
            md.Append(CultureInfo.InvariantCulture, $"### {clause.Key}\n\n");
            if (ClauseCatalogue.TryGet(clause.Key, out var c))
            {
                md.Append(CultureInfo.InvariantCulture, $"{Cell(c.Text)}\n\n");
                if (c.Serves is not null) md.Append(CultureInfo.InvariantCulture, $"> Serves: \"{Cell(c.Serves)}\" ({c.Source})\n\n");
            }
            md.Append("| Rule | Outcome | Duration | Message |\n|---|---|---:|---|\n");
            foreach (var r in clause) md.Append(CultureInfo.InvariantCulture, $"| `{r.Id}` | {r.Label} | {Ms(r.DurationMs)} | {Cell(r.Message ?? "")} |\n");
            md.Append('\n');
        }
    }

    private static void CoverageTable(StringBuilder md, RunResults run, IReadOnlyList<Clause>? catalogue)
    {
        md.Append("## Clause coverage\n\nRules that ran per clause of the catalogue (profile ")
          .Append(run.Profile.ToString().ToLowerInvariant()).Append(").\n\n| Clause | Level | Rules |\n|---|---|---:|\n");
        foreach (var c in ClauseCoverage.Of(run.Rules.Select(r => r.Clause), run.Profile, catalogue))
        {
            md.Append(CultureInfo.InvariantCulture, $"| [{c.Clause.Id}]({c.Clause.Link.Split(' ')[0]}) | {LevelName(c.Clause.Level)} | {c.Rules} |\n");
        }
    }

    /// <summary>The seed a property rule used, so a reader can rerun exactly its cases.</summary>
    private static string Seed(RuleRecord r) => r.Seed is null ? "" : $" (seed `{r.Seed}`)";

    private static string LevelName(ClauseLevel level) => level.ToString().ToUpperInvariant();

    private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Table cells are one line, must not close the cell early, and kernel text like "&lt;nil&gt;" is not HTML.</summary>
    private static string Cell(string text) => text
        .Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
