using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.ReferenceKernel.Adapter;

namespace Phoenix.Conformance.SelfTests.MalformedAnswers;

/// <summary>
/// A malformed kernel answer (too few values, values of the wrong type) is the kernel's fault: every rule must report
/// it as a fail with a message that says what was missing, never as an error (an index or cast exception in the rule).
/// </summary>
public class MalformedAnswerTests
{
    private static readonly RunSettings Settings = new() { Profile = Profile.V2, Seed = 20261122 };

    [TestCase(Malformation.NoValues)]
    [TestCase(Malformation.DropLastValue)]
    [TestCase(Malformation.WrongTypes)]
    public void EveryRule_GivenMalformedAnswers_FailsOrPasses_NeverErrors(Malformation malformation)
    {
        var adapter = new MalformedAnswerAdapter(new ReferenceKernelAdapter(), malformation);
        var results = SuiteAssembly.Rules.Where(r => r.Clause.AppliesTo(Profile.V2)).Select(r => RuleRunner.Run(r, adapter, Settings)).ToArray();
        var errors = results.Where(r => r.Outcome is RuleOutcome.Error or RuleOutcome.Timeout).Select(r => $"  {r.Rule.Id}: {r.Outcome} {r.Message}");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, $"{adapter.Name} made rules error instead of fail");
            Assert.That(results.Count(r => r.Outcome == RuleOutcome.Fail), Is.GreaterThan(results.Length / 2), $"{adapter.Name} was not caught by most rules");
        });
    }

    [Test]
    public void RuleIndexingResults_GivenTooFewValues_FailsNamingTheCountItExpected()
    {
        var rule = SuiteAssembly.Rules.Single(r => r.Id == "MOD-CALL-ARGS/ApiFunction_SecondArgument_IsCallersThread");
        var result = RuleRunner.Run(rule, new MalformedAnswerAdapter(new ReferenceKernelAdapter(), Malformation.NoValues), Settings);
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Fail), result.Details);
        Assert.That(result.Message, Is.EqualTo("describe() as alice: expected at least 6 values, got none"));
    }

    [Test]
    public void RuleReadingATable_GivenAString_FailsNamingTheTypeItExpected()
    {
        var rule = SuiteAssembly.Rules.Single(r => r.Id == "DRV-METHOD-ARGS/Method_GetsNodeCallerProcessAndExactArguments_AndReturnsAllResults");
        var result = RuleRunner.Run(rule, new MalformedAnswerAdapter(new ReferenceKernelAdapter(), Malformation.WrongTypes), Settings);
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Fail), result.Details);
    }
}
