using System.Globalization;
using System.Xml.Linq;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.JUnit;

/// <summary>
/// junit.xml in the shape CI systems (GitLab, Jenkins, GitHub test reporters) read: one &lt;testsuite&gt; per clause
/// family, one &lt;testcase&gt; per rule (classname = clause ID). Mapping: fail and timeout are &lt;failure&gt;, error
/// is &lt;error&gt;, not supported and expected failures are &lt;skipped&gt; so CI shows them without going red on
/// a failure the expectations file already accounts for; an unexpected pass passes with a note in system-out.
/// </summary>
public static class JUnitReportWriter
{
    public const string FileName = "junit.xml";

    public static string Write(RunResults run)
    {
        var suites = run.Rules
            .GroupBy(r => r.Family)
            .OrderBy(g => RunResults.FamilyOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Suite(g.Key, [.. g], run))
            .ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"phoenix-conformance {run.Adapter.Name} {ProfileName(run)}"),
            Counts(run.Rules),
            new XAttribute("time", Seconds(run.DurationMs)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static XElement Suite(string family, IReadOnlyList<RuleRecord> rules, RunResults run) =>
        new("testsuite",
            new XAttribute("name", family),
            Counts(rules),
            new XAttribute("time", Seconds(rules.Sum(r => r.DurationMs))),
            new XAttribute("timestamp", run.StartedAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                Property("adapter", run.Adapter.Name),
                Property("adapterVersion", run.Adapter.Version),
                Property("profile", ProfileName(run)),
                Property("suiteVersion", run.SuiteVersion),
                Property("catalogueHash", run.CatalogueHash),
                run.Seed is null ? null : Property("seed", run.Seed)),
            rules.Select(Case));

    private static XElement Case(RuleRecord rule)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{rule.Family}.{rule.Clause}"),
            new XAttribute("name", rule.Name),
            new XAttribute("time", Seconds(rule.DurationMs)));
        // The seed a property rule used, also when it passed: rerunning with it gives the same cases.
        if (rule.Seed is not null) element.Add(new XElement("properties", Property("seed", rule.Seed)));
        var message = XmlText.Clean(rule.Message ?? rule.Label);
        var body = XmlText.Clean(rule.Details ?? rule.Message ?? "");
        if (rule.Seed is not null) body = $"{body}\nreplay seed: {rule.Seed}".TrimStart('\n');
        element.Add(rule switch
        {
            { Verdict: Verdict.ExpectedFailure } => new XElement("skipped", new XAttribute("message", $"expected failure ({Classification.Label(rule.Outcome)}): {XmlText.Clean(rule.ExpectedReason ?? message)}")),
            { Verdict: Verdict.UnexpectedPass } => new XElement("system-out", XmlText.Clean($"unexpected pass: expected {Classification.Label(rule.Expected!.Value)} ({rule.ExpectedReason})")),
            { Outcome: RuleOutcome.Fail or RuleOutcome.Timeout } => new XElement("failure", new XAttribute("message", message), new XAttribute("type", Classification.Key(rule.Outcome)), body),
            { Outcome: RuleOutcome.Error } => new XElement("error", new XAttribute("message", message), new XAttribute("type", "error"), body),
            { Outcome: RuleOutcome.NotSupported } => new XElement("skipped", new XAttribute("message", $"not supported: {message}")),
            _ => null,
        });
        return element;
    }

    private static XAttribute[] Counts(IEnumerable<RuleRecord> rules)
    {
        var list = rules.ToList();
        bool Skipped(RuleRecord r) => r.Verdict == Verdict.ExpectedFailure || (r.Outcome == RuleOutcome.NotSupported && r.Verdict != Verdict.UnexpectedPass);
        return
        [
            new("tests", list.Count),
            new("failures", list.Count(r => !Skipped(r) && r.Outcome is RuleOutcome.Fail or RuleOutcome.Timeout)),
            new("errors", list.Count(r => !Skipped(r) && r.Outcome == RuleOutcome.Error)),
            new("skipped", list.Count(Skipped)),
        ];
    }

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Seconds(double ms) => (ms / 1000).ToString("0.000", CultureInfo.InvariantCulture);

    private static string ProfileName(RunResults run) => run.Profile.ToString().ToLowerInvariant();
}
