using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>The committed expectations files (reports/expectations) stay valid as the suite changes: they parse, they
/// name rules that exist, and every entry says why, so a renamed rule cannot silently drop a known failure.</summary>
public class ExpectationFileTests
{
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "reports", "expectations"), "*.yaml").Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Files))]
    public void ExpectationsFile_NamesExistingRules_WithReasons(string path)
    {
        var expectations = ExpectationsYaml.Read(path);
        var rules = SuiteAssembly.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(expectations.Count, Is.GreaterThan(0), "an empty expectations file");
            foreach (var (rule, expectation) in expectations.Entries)
            {
                Assert.That(rules, Does.Contain(rule), $"{Path.GetFileName(path)} names a rule the suite does not have");
                Assert.That(expectation.Reason, Is.Not.Null.And.Not.Empty, $"{rule}: no reason");
            }
        });
    }

    [Test]
    public void PhoenixExpectations_ListNoCompatRule()
    {
        // COMPAT clauses state what Phoenix 0.0.9 does, so it passes every one: a COMPAT entry here means the clause
        // is wrong about Phoenix and must be rewritten, not excused.
        var path = Path.Combine(RepositoryLayout.Root, "reports", "expectations", "phoenix-0.0.9.yaml");
        var compat = ExpectationsYaml.Read(path).Entries.Select(e => e.Key).Where(id => id.StartsWith("PX-", StringComparison.Ordinal));
        Assert.That(compat, Is.Empty);
    }
}
