using Phoenix.Testing.Snapshots;
using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.JUnit;
using Phoenix.Conformance.Reporting.Markdown;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Writers;

/// <summary>Each writer's output for the canned run, pinned as a snapshot: a format change shows up as a diff to review.</summary>
public sealed class ReportWriterSnapshotTests
{
    [Test]
    public void ResultsJson_CannedRun_MatchesSnapshot() =>
        Snapshot.Match(ResultsJson.Write(CannedRun.Create()), nameof(ReportWriterSnapshotTests));

    [Test]
    public void JUnit_CannedRun_MatchesSnapshot() =>
        Snapshot.Match(JUnitReportWriter.Write(CannedRun.Create()), nameof(ReportWriterSnapshotTests));

    [Test]
    public void Markdown_CannedRun_MatchesSnapshot() =>
        Snapshot.Match(MarkdownReportWriter.Write(CannedRun.Create(), CannedRun.Catalogue), nameof(ReportWriterSnapshotTests));

    [Test]
    public void Html_CannedRun_MatchesSnapshot() =>
        Snapshot.Match(HtmlReportWriter.Write(CannedRun.Create(), CannedRun.Catalogue), nameof(ReportWriterSnapshotTests));

    [Test]
    public void ResultsJson_WrittenThenRead_KeepsEveryRule()
    {
        var run = CannedRun.Create();
        var path = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ResultsJson.Write(run));
        try
        {
            var read = ResultsJson.Read(path);
            Assert.That(read.Rules, Is.EqualTo(run.Rules));
            Assert.That(read.Adapter, Is.EqualTo(run.Adapter));
            Assert.That(read.Profile, Is.EqualTo(run.Profile));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void JUnit_CannedRun_IsWellFormedWithOneSuitePerFamily()
    {
        var xml = System.Xml.Linq.XDocument.Parse(JUnitReportWriter.Write(CannedRun.Create()));
        var suites = xml.Root!.Elements("testsuite").Select(s => (string)s.Attribute("name")!).ToList();
        Assert.That(suites, Is.EqualTo(new[] { "MOD", "PX-MOD" }));
    }
}
