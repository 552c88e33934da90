using System.Xml.Linq;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.JUnit;
using Phoenix.Conformance.Reporting.Markdown;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Writers;

/// <summary>Failure messages quote what a kernel answered, which may be any bytes (a module name with a NUL in it,
/// a lone surrogate, a control character): every format is still written, and junit.xml stays well-formed XML.</summary>
public sealed class KernelTextTests
{
    private const string Message = "callmodule(\"a\\0b\"): got error \"Module 'a\0b' does not exist\" \uD800 \u001B[31m";

    private static RunResults Run()
    {
        RuleRecord[] records =
        [
            new("MOD-CALL-SCOPE/Names", "MOD-CALL-SCOPE", ClauseLevel.Must, "MOD", RuleOutcome.Fail, Verdict.UnexpectedFailure, 2, Message, Message),
            new("MOD-API/Call", "MOD-API", ClauseLevel.Must, "MOD", RuleOutcome.Error, Verdict.ExpectedFailure, 1, Message, Message,
                Expected: RuleOutcome.Error, ExpectedReason: "reason with \0 in it"),
        ];
        return new RunResults(RunResults.CurrentSchemaVersion, "1.2.3", "hash", new AdapterInfo("canned", "1"), Profile.V2, CannedRun.Started, 3, records);
    }

    [Test]
    public void JUnit_WithControlCharactersAndALoneSurrogate_IsWellFormedAndShowsThem()
    {
        var xml = JUnitReportWriter.Write(Run());
        var failure = XDocument.Parse(xml).Descendants("failure").Single();
        Assert.That(failure.Attribute("message")!.Value, Does.Contain("Module 'a\\u{0000}b' does not exist\" \\u{D800} \\u{001B}[31m"));
    }

    [Test]
    public void OtherFormats_WithTheSameText_AreWritten()
    {
        var run = Run();
        Assert.Multiple(() =>
        {
            Assert.That(MarkdownReportWriter.Write(run), Does.Contain("MOD-CALL-SCOPE/Names"));
            Assert.That(HtmlReportWriter.Write(run), Does.Contain("MOD-CALL-SCOPE/Names"));
            Assert.That(ResultsJson.Write(run), Does.Contain("MOD-CALL-SCOPE/Names"));
        });
    }

    [Test]
    public void Html_WithAVeryLongMessage_ShowsItsStartAndTheWholeOfItFolded()
    {
        var binary = "got " + new string('\u00ff', 2000);
        var run = Run() with { Rules = [Run().Rules[0] with { Message = binary, Details = null }] };
        var html = HtmlReportWriter.Write(run);
        Assert.That(html, Does.Contain("… <details class=\"long\"><summary>all 2004 characters</summary>"));
    }
}
