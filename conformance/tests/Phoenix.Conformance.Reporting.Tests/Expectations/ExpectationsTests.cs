using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Expectations;

public sealed class ExpectationsTests
{
    // Each row is one cell of the verdict table in reports/README.md.
    [TestCase(RuleOutcome.Pass, null, Verdict.Pass)] // no expectation: expected to pass
    [TestCase(RuleOutcome.Fail, null, Verdict.UnexpectedFailure)] // a new failure
    [TestCase(RuleOutcome.NotSupported, null, Verdict.UnexpectedFailure)] // not supported is never a pass
    [TestCase(RuleOutcome.Fail, RuleOutcome.Fail, Verdict.ExpectedFailure)] // known failure still runs, still fails
    [TestCase(RuleOutcome.Error, RuleOutcome.Fail, Verdict.UnexpectedFailure)] // changed failure kind
    [TestCase(RuleOutcome.Pass, RuleOutcome.Timeout, Verdict.UnexpectedPass)] // stale expectation
    [TestCase(RuleOutcome.Pass, RuleOutcome.Pass, Verdict.Pass)] // explicit pass expectation
    public void Judge_OutcomeAndExpectation_GivesVerdict(RuleOutcome outcome, RuleOutcome? expected, Verdict verdict) =>
        Assert.That(Classification.Judge(outcome, expected), Is.EqualTo(verdict));

    [Test]
    public void Parse_ValidFile_ReadsOutcomeReasonAndLink()
    {
        var set = ExpectationsYaml.Parse("""
            MOD-API/Call:
              outcome: fail
              reason: needs user mode
              link: https://example.org/1
            MOD-UNLOAD/X:
              outcome: not supported
            """);
        Assert.That(set.For("MOD-API/Call"), Is.EqualTo(new Expectation(RuleOutcome.Fail, "needs user mode", "https://example.org/1")));
        Assert.That(set.For("MOD-UNLOAD/X")!.Outcome, Is.EqualTo(RuleOutcome.NotSupported));
        Assert.That(set.For("MOD-API/Other"), Is.Null);
    }

    // Each row is a mistake that must not silently disable an expectation.
    [TestCase("A/b:\n  outcome: broken\n")] // unknown outcome
    [TestCase("A/b:\n  outcom: fail\n")] // misspelt key
    [TestCase("A/b: [unclosed\n")] // not YAML
    public void Parse_InvalidFile_ThrowsOneLineError(string text)
    {
        var error = Assert.Throws<ExpectationsException>(() => ExpectationsYaml.Parse(text));
        Assert.That(error!.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void Read_MissingFile_ThrowsExpectationsException() =>
        Assert.Throws<ExpectationsException>(() => ExpectationsYaml.Read("/nonexistent/expectations.yaml"));

    [Test]
    public void Parse_EmptyFile_IsEmptySet() => Assert.That(ExpectationsYaml.Parse("").Count, Is.Zero);

    [Test]
    public void FromRun_CannedRun_ListsEveryNonPassAndKeepsKnownReasons()
    {
        var previous = new ExpectationSet([
            KeyValuePair.Create("MOD-UNLOAD/Unloadmodule_CallsUnload", new Expectation(RuleOutcome.Error, "Known crash in unload", "https://example.org/issues/7")),
            KeyValuePair.Create("PX-MOD-LISTMODULES/Listmodules_ListsLoaded", new Expectation(RuleOutcome.Fail, "listmodules was missing")),
            KeyValuePair.Create("FS-NEW/NotInThisRun", new Expectation(RuleOutcome.Fail, "kept")),
        ]);
        var updated = ExpectationSet.FromRun(CannedRun.Create(), previous);

        Assert.That(updated.Entries.Select(e => e.Key), Is.EqualTo(new[]
        {
            "FS-NEW/NotInThisRun",
            "MOD-API/Callmodule_ReturnsApiResult",
            "MOD-SUBDIR/Subdirectory_Hangs",
            "MOD-UNLOAD-REVERSES/Unload_ReversesGlobals",
            "MOD-UNLOAD/Unloadmodule_CallsUnload",
            "PX-MOD-BOOT-ORDER/BootModules_LoadInSortedOrder",
        }));
        Assert.That(updated.For("MOD-UNLOAD/Unloadmodule_CallsUnload")!.Link, Is.EqualTo("https://example.org/issues/7"));
        Assert.That(updated.For("MOD-SUBDIR/Subdirectory_Hangs")!.Outcome, Is.EqualTo(RuleOutcome.Timeout));
    }

    [Test]
    public void Write_ThenParse_RoundTrips()
    {
        var text = ExpectationsYaml.Write(CannedRun.Expectations, "canned");
        Assert.That(ExpectationsYaml.Parse(text).Entries, Is.EqualTo(CannedRun.Expectations.Entries));
    }
}
