using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.SelfTests;

/// <summary>How the runner classifies what an adapter throws: a kernel that stops on a valid image broke the rule
/// (fail), an adapter that cannot boot the image could not run it (error).</summary>
public class OutcomeClassificationTests
{
    private static readonly RuleDescriptor AnyRule = SuiteAssembly.Rules.First(r => r.Clause.Id == "MOD-AUTOLOAD");

    [Test]
    public void KernelThatStops_IsAFail_WithItsLastWords()
    {
        var result = RuleRunner.Run(AnyRule, new ThrowingAdapter(new KernelStoppedException("boot: the kernel stopped (shutdown); it last logged: Kernel panic: boom")), new RunSettings());
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Fail));
        Assert.That(result.Message, Does.Contain("Kernel panic: boom"));
    }

    [Test]
    public void KernelThatCannotBoot_IsAnError()
    {
        var result = RuleRunner.Run(AnyRule, new ThrowingAdapter(new KernelBootException("no kernel.lua")), new RunSettings());
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Error));
    }

    private sealed class ThrowingAdapter(Exception toThrow) : IKernelAdapter
    {
        public string Name => "throwing";

        public string Version => "0";

        public IKernel Boot(BootImage image) => throw toThrow;
    }
}
