using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.History;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;
using Phoenix.Conformance.Reporting.Tests.Cli;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Tests.History;

/// <summary>The history matrix and the <c>history</c> command: columns in the order given, changes between
/// neighbours, and runs of different profiles refused.</summary>
public class HistoryTests
{
    /// <summary>The canned run with one rule's outcome replaced: a "later version" that fixed it.</summary>
    private static RunResults Fixed(string ruleName) => CannedRun.Create() is var run
        ? run with { Rules = [.. run.Rules.Select(r => r.Name == ruleName ? r with { Outcome = RuleOutcome.Pass } : r)] }
        : throw new InvalidOperationException();

    [Test]
    public void Changes_NameTheRulesWhoseOutcomeMoved()
    {
        var matrix = HistoryMatrix.Of([("0.0.1", CannedRun.Create()), ("0.0.2", Fixed("Callmodule_ReturnsApiResult"))]);
        var changes = matrix.Changes(1);
        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Rule), Is.EqualTo(new[] { CannedRun.Rule("Callmodule_ReturnsApiResult").Id }));
            Assert.That(changes[0].Before, Is.EqualTo(RuleOutcome.Fail));
            Assert.That(changes[0].After, Is.EqualTo(RuleOutcome.Pass));
            Assert.That(matrix.RuleIds, Has.Count.EqualTo(CannedRun.Create().Rules.Count));
        });
    }

    [Test]
    public void Of_DifferentProfiles_IsRefused() =>
        Assert.That(() => HistoryMatrix.Of([("a", CannedRun.Create()), ("b", CannedRun.Create() with { Profile = Profile.V1 })]),
            Throws.ArgumentException.With.Message.Contains("different profiles"));

    [Test]
    public void Command_WritesMarkdownAndHtml_WithColumnsInOrder()
    {
        var dir = Directory.CreateTempSubdirectory("phoenix-history-").FullName;
        try
        {
            var first = Path.Combine(dir, "first.json");
            var second = Path.Combine(dir, "second.json");
            File.WriteAllText(first, ResultsJson.Write(CannedRun.Create()));
            File.WriteAllText(second, ResultsJson.Write(Fixed("Callmodule_ReturnsApiResult")));
            var (exit, output, error) = CliRun.Canned("history", first, second, "--labels", "0.0.1,0.0.2", "--output", Path.Combine(dir, "out"));
            Assert.That(exit, Is.EqualTo(0), error);
            var md = File.ReadAllText(Path.Combine(dir, "out", HistoryMarkdownWriter.FileName));
            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain("History of 2 run(s)"));
                Assert.That(md, Does.Contain("| | 0.0.1 | 0.0.2 |"));
                Assert.That(md, Does.Contain("### 0.0.1 → 0.0.2: 1 rule(s)"));
                Assert.That(File.ReadAllText(Path.Combine(dir, "out", HistoryHtmlWriter.FileName)), Does.Contain("<td class=\"fail\""));
            });
            var (badExit, _, badError) = CliRun.Canned("history", first, "--labels", "a,b", "--output", Path.Combine(dir, "out"));
            Assert.That(badExit, Is.EqualTo(2), "two labels for one file is bad usage");
            Assert.That(badError, Does.Contain("--labels"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
