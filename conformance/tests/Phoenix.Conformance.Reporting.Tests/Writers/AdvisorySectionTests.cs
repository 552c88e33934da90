using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.JUnit;
using Phoenix.Conformance.Reporting.Markdown;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Writers;

/// <summary>ADVISORY rules are reported apart in every format and never move the conformance figure; a run without
/// them reads as before (the canned snapshots have none).</summary>
public sealed class AdvisorySectionTests
{
    private const string Attack = "attack: (1) alice passes a function; (2) it sets user = \"root\": expected late not to load, got it loaded";

    private static RunResults Run()
    {
        RuleRecord[] records =
        [
            new("MOD-AUTOLOAD/Module_AtBoot_IsLoaded", "MOD-AUTOLOAD", ClauseLevel.Must, "MOD", RuleOutcome.Pass, Verdict.Pass, 1),
            new("ADV-USER-HANDLE-COPIES/Callback_GivenItsProcessHandle_CannotRaiseItsPrivileges", "ADV-USER-HANDLE-COPIES", ClauseLevel.Advisory,
                "ADV-USER", RuleOutcome.Fail, Verdict.UnexpectedFailure, 2, Attack, Attack),
        ];
        return new RunResults(RunResults.CurrentSchemaVersion, "1.2.3", "hash", new AdapterInfo("canned", "1"), Profile.V2, CannedRun.Started, 3, records);
    }

    [Test]
    public void Markdown_WithAnAdvisoryFailure_HasItsSectionWithTheSentenceAndTheAttack_AndFullConformance()
    {
        var md = MarkdownReportWriter.Write(Run());
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("## ADVISORY rules"));
            Assert.That(md, Does.Contain("> Serves: \"" + AdvisoryClauses.NotProperlyPrivileged));
            Assert.That(md, Does.Contain("attack: (1) alice passes a function"));
            Assert.That(md, Does.Contain("| ADV-USER (ADVISORY) |"));
            Assert.That(md, Does.Contain("**Conformance: 100.0%**"));
        });
    }

    [Test]
    public void Html_WithAnAdvisoryFailure_HasItsSectionFilterAndSummary()
    {
        var html = HtmlReportWriter.Write(Run());
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<section id=\"advisory\">"));
            Assert.That(html, Does.Contain("data-filter=\"level\" value=\"ADVISORY\""));
            Assert.That(html, Does.Contain("ADVISORY (not counted): 0 of 1 pass."));
            Assert.That(html, Does.Contain("class=\"serves\""));
            Assert.That(html, Does.Contain(">100.0%<"));
        });
    }

    [Test]
    public void JUnitAndJson_WithAnAdvisoryFailure_KeepItsFamilyAndLevel()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JUnitReportWriter.Write(Run()), Does.Contain("<testsuite name=\"ADV-USER\""));
            Assert.That(ResultsJson.Write(Run()), Does.Contain("\"level\": \"ADVISORY\""));
        });
    }

    [Test]
    public void Reports_OfARunWithoutAdvisories_HaveNoAdvisorySection()
    {
        var run = CannedRun.Create();
        Assert.Multiple(() =>
        {
            Assert.That(MarkdownReportWriter.Write(run, CannedRun.Catalogue), Does.Not.Contain("ADVISORY"));
            Assert.That(HtmlReportWriter.Write(run, CannedRun.Catalogue), Does.Not.Contain("ADVISORY"));
        });
    }
}
