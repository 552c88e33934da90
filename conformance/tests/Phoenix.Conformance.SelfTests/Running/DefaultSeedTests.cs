using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.SelfTests.Running;

/// <summary>Without --seed a rule's properties use a seed fixed by the suite version and the rule ID.</summary>
public class DefaultSeedTests
{
    [Test]
    public void DefaultSeed_ForTheSameRuleAndVersion_IsStable() =>
        // A constant: if this changes, every default verdict may change with it, which only a version bump should do.
        Assert.That(DefaultSeed.For("1.0.0", "MOD-CALL-ARGS/Rule"), Is.EqualTo(DefaultSeed.For("1.0.0", "MOD-CALL-ARGS/Rule"))
            .And.EqualTo(17193918326081920394UL));

    [Test]
    public void DefaultSeed_OfAnotherRuleOrVersion_Differs()
    {
        Assert.That(DefaultSeed.For("1.0.0", "A/x"), Is.Not.EqualTo(DefaultSeed.For("1.0.0", "A/y")));
        Assert.That(DefaultSeed.For("1.0.0", "A/x"), Is.Not.EqualTo(DefaultSeed.For("1.0.1", "A/x")));
    }

    [Test]
    public void PropertyRule_RunTwiceWithoutASeed_ReportsTheSameSeed()
    {
        var rule = SuiteAssembly.Rules.Single(r => r.Id == "MOD-OWNER/ModuleTrust_OverGeneratedOwnersAndModes_LoadsIffRootOwnedAndNotWorldWritable");
        var adapter = new ReferenceKernel.Adapter.ReferenceKernelAdapter();
        var first = RuleRunner.Run(rule, adapter, new RunSettings());
        var second = RuleRunner.Run(rule, adapter, new RunSettings());
        Assert.That(first.Seed, Is.EqualTo(second.Seed).And.EqualTo(DefaultSeed.For(rule).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
