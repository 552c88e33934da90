using System.Globalization;
using System.Net;
using System.Text;
using Phoenix.Common;
using Phoenix.Conformance.Reporting.Coverage;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Html;

/// <summary>
/// report.html: one self-contained file (CSS and script inlined, no network) a reader opens from disk. Rules are
/// grouped by clause family and clause, with the clause text and a link to the page section; filters by outcome
/// and level; a summary with a bar chart; the clause coverage table. COMPAT rules and ADVISORY rules (when any ran)
/// have their own sections and are left out of the conformance figure (clauses.md).
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "report.html";

    /// <summary>Outcome keys in display order, as rows carry them in <c>data-outcome</c>.</summary>
    private static readonly string[] OutcomeKeys = ["pass", "fail", "error", "timeout", "notSupported", "expectedFailure", "unexpectedPass"];

    /// <param name="catalogue">The clauses the coverage table lists; default: the whole catalogue.</param>
    public static string Write(RunResults run, IReadOnlyList<Clause>? catalogue = null)
    {
        var html = new StringBuilder();
        var title = $"Phoenix conformance: {run.Adapter.Name}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{H(title)}</title>\n<style>\n{Resource("report.css")}</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<header>\n<h1>{H(title)}</h1>\n<p class=\"meta\">{H(run.Adapter.Name)} {H(run.Adapter.Version)} · profile {Profile(run)} · suite {H(run.SuiteVersion)} · catalogue <code title=\"{H(run.CatalogueHash)}\">{H(run.CatalogueHash[..Math.Min(12, run.CatalogueHash.Length)])}</code>{(run.Seed is null ? "" : $" · seed <code>{H(run.Seed)}</code>")}{(run.Selection is null ? "" : $" · selection <code>{H(run.Selection.ToString())}</code>")} · started {run.StartedAt:yyyy-MM-dd HH:mm:ss zzz} · {Ms(run.DurationMs)}</p>\n</header>\n");
        Summary(html, run);
        if (run.Baseline is { } baseline) BaselineSection(html, baseline);
        Attention(html, run);
        Filters(html, run);
        html.Append("<section id=\"page-rules\">\n<h2>Page rules (MUST, SHOULD)</h2>\n");
        Families(html, run.PageRules);
        html.Append("</section>\n<section id=\"compat\">\n<h2>COMPAT rules</h2>\n<p>Phoenix 0.0.9 behaviour where the page is silent. Shown apart; never counted against conformance to the page.</p>\n");
        Families(html, run.CompatRules);
        html.Append("</section>\n");
        if (run.AdvisoryRules.Any())
        {
            html.Append("<section id=\"advisory\">\n<h2>ADVISORY rules</h2>\n<p>Security properties the page's stated intent needs but its letter does not require, each under the page sentence it serves. Shown apart; never counted against conformance. A failure describes the attack step by step.</p>\n");
            Families(html, run.AdvisoryRules);
            html.Append("</section>\n");
        }
        CoverageTable(html, run, catalogue);
        html.Append(CultureInfo.InvariantCulture, $"<script>\n{Resource("report.js")}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void BaselineSection(StringBuilder html, BaselineComparison baseline)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"baseline\">\n<h2>Compared with baseline <code>{H(baseline.Path)}</code></h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{baseline.Regressions.Count} regression(s), {baseline.NewPasses} new pass(es), {baseline.Added} rule(s) added, {baseline.Removed} removed.</p>\n");
        if (baseline.Regressions.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var id in baseline.Regressions) html.Append(CultureInfo.InvariantCulture, $"<li>regression: <code>{H(id)}</code></li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>What went wrong, before anything else: unexpected results with their clause, message, seed and the
    /// command that replays them, then expected failures folded. Passes are only in the full list below.</summary>
    private static void Attention(StringBuilder html, RunResults run)
    {
        var unexpected = run.Rules.Where(r => r.Verdict is Verdict.UnexpectedFailure or Verdict.UnexpectedPass).ToList();
        var expected = run.Rules.Where(r => r.Verdict == Verdict.ExpectedFailure).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"attention\">\n<h2>Unexpected results ({unexpected.Count})</h2>\n");
        if (unexpected.Count == 0) html.Append("<p>Every result is as expected.</p>\n");
        else AttentionTable(html, run, unexpected);
        if (expected.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details id=\"expected-failures\"><summary>Expected failures ({expected.Count}), each excused by the expectations file</summary>\n");
            AttentionTable(html, run, expected);
            html.Append("</details>\n");
        }
        html.Append("</section>\n");
    }

    private static void AttentionTable(StringBuilder html, RunResults run, IEnumerable<RuleRecord> rules)
    {
        html.Append("<table>\n<thead><tr><th>Rule</th><th>Outcome</th><th>What happened</th></tr></thead>\n<tbody>\n");
        foreach (var r in rules)
        {
            var clause = ClauseCatalogue.TryGet(r.Clause, out var c) ? $"<br><small class=\"clause-text\">{Text(c.Text)}</small>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"attention\"><td><a href=\"#rule-{H(r.Id)}\"><code>{H(r.Id)}</code></a>{clause}</td><td><span class=\"badge {Key(r)}\">{H(r.Label)}</span></td><td>");
            Message(html, r.Message ?? "");
            if (r.ExpectedReason is not null) html.Append(CultureInfo.InvariantCulture, $"<br><small>expected {H(Classification.Label(r.Expected!.Value))}: {H(r.ExpectedReason)}</small>");
            var seed = r.Seed is null ? "" : $" --seed {r.Seed}";
            html.Append(CultureInfo.InvariantCulture, $"<br><small>replay: <code>./run-conformance.sh --adapter … --profile {Profile(run)} --filter {H(r.Id)}{H(seed)}</code></small></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A message as a reader can take it in: a long one (a kernel's binary answer, a big table) is cut,
    /// with the whole of it one click away, so no row scrolls the page sideways.</summary>
    private static void Message(StringBuilder html, string message)
    {
        const int Shown = 300;
        if (message.Length <= Shown)
        {
            html.Append(H(message));
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"{H(message[..Shown])}… <details class=\"long\"><summary>all {message.Length} characters</summary><pre>{H(message)}</pre></details>");
    }

    private static void Summary(StringBuilder html, RunResults run)
    {
        var page = RunSummary.Of(run.PageRules);
        var compat = RunSummary.Of(run.CompatRules);
        var percent = page.ConformancePercent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        Card(html, "conformance", percent, "of MUST rules pass");
        Card(html, "count-total", page.Total, "page rules");
        Card(html, "count-pass", page.Passed, "passed");
        Card(html, "count-fail", page.Failed, "failed");
        Card(html, "count-error", page.Errors, "errors");
        Card(html, "count-timeout", page.Timeouts, "timeouts");
        Card(html, "count-notSupported", page.NotSupported, "not supported");
        Card(html, "count-expectedFailure", page.ExpectedFailures, "expected failures");
        Card(html, "count-unexpectedPass", page.UnexpectedPasses, "unexpected passes");
        html.Append(CultureInfo.InvariantCulture, $"</div>\n<p id=\"compat-summary\">COMPAT (not counted): {compat.Passed} of {compat.Total} pass.</p>\n");
        var advisory = RunSummary.Of(run.AdvisoryRules);
        if (advisory.Total > 0) html.Append(CultureInfo.InvariantCulture, $"<p id=\"advisory-summary\">ADVISORY (not counted): {advisory.Passed} of {advisory.Total} pass.</p>\n");
        html.Append("<p class=\"note\">The cards count page rules (MUST, SHOULD); the chart and the filters count every level.</p>\n");
        html.Append("<div class=\"chart\" role=\"img\" aria-label=\"Outcomes per clause family\">\n");
        foreach (var family in run.Rules.GroupBy(r => r.Family).OrderBy(g => RunResults.FamilyOrder(g.Key)))
        {
            var rules = family.ToList();
            var label = RunResults.FamilyLabel(family.Key);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"bar-row\"><span class=\"bar-label\">{H(label)}</span><span class=\"bar\">");
            foreach (var key in OutcomeKeys)
            {
                var count = rules.Count(r => Key(r) == key);
                if (count == 0) continue;
                var width = (100.0 * count / rules.Count).ToString("0.##", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"seg {key}\" style=\"width:{width}%\" title=\"{count} {H(LabelOf(key))}\"></span>");
            }
            html.Append(CultureInfo.InvariantCulture, $"</span><span class=\"bar-count\">{rules.Count(r => r.Outcome == Harness.Running.RuleOutcome.Pass)}/{rules.Count} pass</span></div>\n");
        }
        html.Append("</div>\n<p class=\"legend\">");
        foreach (var key in OutcomeKeys) html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge {key}\">{H(LabelOf(key))}</span> ");
        html.Append("</p>\n</section>\n");
    }

    private static void Filters(StringBuilder html, RunResults run)
    {
        html.Append("<section id=\"filters\">\n<h2>Filters</h2>\n<fieldset><legend>Outcome</legend>");
        foreach (var key in OutcomeKeys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" data-filter=\"outcome\" value=\"{key}\" checked> {LabelOf(key)} ({run.Rules.Count(r => Key(r) == key)})</label>");
        }
        html.Append("</fieldset>\n<fieldset><legend>Level</legend>");
        // ADVISORY gets a box only when advisory rules ran, so runs without them read as before.
        foreach (var level in Enum.GetValues<ClauseLevel>().Where(l => l != ClauseLevel.Advisory || run.AdvisoryRules.Any()))
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" data-filter=\"level\" value=\"{Level(level)}\" checked> {Level(level)}</label>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</fieldset>\n<p>Showing <span id=\"shown-count\">{run.Rules.Count}</span> of {run.Rules.Count} rules.</p>\n</section>\n");
    }

    private static void Families(StringBuilder html, IEnumerable<RuleRecord> rules)
    {
        var families = rules.GroupBy(r => r.Family).OrderBy(g => RunResults.FamilyOrder(g.Key)).ToList();
        if (families.Count == 0) html.Append("<p>No rules ran.</p>\n");
        foreach (var family in families)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"family\" id=\"family-{H(family.Key)}\">\n<h3>{H(family.Key)}</h3>\n");
            foreach (var clause in family.GroupBy(r => r.Clause))
            {
                var known = ClauseCatalogue.TryGet(clause.Key, out var c);
                html.Append(CultureInfo.InvariantCulture, $"<article class=\"clause\" id=\"clause-{H(clause.Key)}\">\n<h4>");
                html.Append(known ? $"<a href=\"{H(c.Link.Split(' ')[0])}\">{H(clause.Key)}</a>" : H(clause.Key));
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"level\">{Level(clause.First().Level)}</span></h4>\n");
                if (known) html.Append(CultureInfo.InvariantCulture, $"<p class=\"clause-text\">{Text(c.Text)} <small>({H(c.Source)})</small></p>\n");
                if (known && c.Serves is not null) html.Append(CultureInfo.InvariantCulture, $"<blockquote class=\"serves\">Serves: “{H(c.Serves)}”</blockquote>\n");
                // A clause whose rules all pass is folded: what needs reading is what did not pass.
                var allPass = clause.All(r => Key(r) == "pass");
                if (allPass) html.Append(CultureInfo.InvariantCulture, $"<details class=\"passes\"><summary>{clause.Count()} rule(s), all pass</summary>\n");
                html.Append("<table>\n<thead><tr><th>Rule</th><th>Outcome</th><th class=\"num\">Duration</th><th>Message</th></tr></thead>\n<tbody>\n");
                foreach (var r in clause.OrderBy(r => Key(r) == "pass")) Row(html, r);
                html.Append("</tbody>\n</table>\n");
                if (allPass) html.Append("</details>\n");
                html.Append("</article>\n");
            }
            html.Append("</section>\n");
        }
    }

    private static void Row(StringBuilder html, RuleRecord r)
    {
        html.Append(CultureInfo.InvariantCulture, $"<tr class=\"rule\" id=\"rule-{H(r.Id)}\" data-outcome=\"{Key(r)}\" data-level=\"{Level(r.Level)}\"><td><code>{H(r.Name)}</code></td><td><span class=\"badge {Key(r)}\">{H(r.Label)}</span></td><td class=\"num\">{Ms(r.DurationMs)}</td><td>");
        Message(html, r.Message ?? "");
        if (r.ExpectedReason is not null) html.Append(CultureInfo.InvariantCulture, $"<br><small>expected {H(Classification.Label(r.Expected!.Value))}: {H(r.ExpectedReason)}</small>");
        if (r.Seed is not null) html.Append(CultureInfo.InvariantCulture, $"<br><small>replay seed <code>{H(r.Seed)}</code></small>");
        if (r.Details is not null && r.Details != r.Message) html.Append(CultureInfo.InvariantCulture, $"<details><summary>details</summary><pre>{H(r.Details)}</pre></details>");
        html.Append("</td></tr>\n");
    }

    private static void CoverageTable(StringBuilder html, RunResults run, IReadOnlyList<Clause>? catalogue)
    {
        html.Append("<section id=\"coverage\">\n<h2>Clause coverage</h2>\n<table>\n<thead><tr><th>Clause</th><th>Level</th><th class=\"num\">Rules</th></tr></thead>\n<tbody>\n");
        foreach (var c in ClauseCoverage.Of(run.Rules.Select(r => r.Clause), run.Profile, catalogue))
        {
            var css = c.Rules == 0 ? " class=\"uncovered\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr{css}><td><a href=\"{H(c.Clause.Link.Split(' ')[0])}\">{H(c.Clause.Id)}</a></td><td>{Level(c.Clause.Level)}</td><td class=\"num\">{c.Rules}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Card(StringBuilder html, string id, object value, string label) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><span class=\"num\" id=\"{id}\">{H(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}</span><span class=\"label\">{H(label)}</span></div>\n");

    /// <summary>The filter key: the verdict when expectations changed the picture, else the raw outcome.</summary>
    private static string Key(RuleRecord r) => r.Verdict switch
    {
        Verdict.ExpectedFailure => "expectedFailure",
        Verdict.UnexpectedPass => "unexpectedPass",
        _ => Classification.Key(r.Outcome),
    };

    private static string LabelOf(string key) => key switch
    {
        "notSupported" => "not supported",
        "expectedFailure" => "expected failure",
        "unexpectedPass" => "unexpected pass",
        _ => key,
    };

    private static string Level(ClauseLevel level) => level.ToString().ToUpperInvariant();

    private static string Profile(RunResults run) => run.Profile.ToString().ToLowerInvariant();

    private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms";

    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Clause text as the catalogue writes it: `code` spans rendered as code.</summary>
    private static string Text(string text)
    {
        var parts = text.Split('`');
        if (parts.Length % 2 == 0) return H(text); // an unpaired backtick: leave the text as written
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++) html.Append(i % 2 == 1 ? $"<code>{H(parts[i])}</code>" : H(parts[i]));
        return html.ToString();
    }

    private static string Resource(string name) => EmbeddedResource.Text(typeof(HtmlReportWriter).Assembly, name);
}
