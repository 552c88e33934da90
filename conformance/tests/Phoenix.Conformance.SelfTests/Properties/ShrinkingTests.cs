using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.SelfTests.BrokenKernels;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.SelfTests.Properties;

/// <summary>A failing property reports its seed, a replay hint and a counterexample shrunk to what the failure needs.</summary>
public class ShrinkingTests
{
    [Test]
    public void FailingProperty_OverArgumentLists_ShrinksToTheOneValueThatBreaksIt()
    {
        // A "kernel" that loses the sign of zero: only a -0.0 somewhere in the list breaks it.
        var context = new RuleContext(null!, Profile.V2, 42, null!, CancellationToken.None) { RuleId = "MOD-CALL-ARGS/Example" };
        var e = Assert.Throws<RuleViolationException>(() => PropertyCheck.ForAll(context, LuaValueGenerators.ArgumentListArbitrary,
            args => Check.That(!args.Contains(new LuaFloat(-0.0)), "echo", "-0.0 to survive", "0.0"), cases: 500));
        Assert.That(e!.Message, Does.Contain("seed 42"));
        Assert.That(e.Message, Does.Contain("replay: --seed 42 --filter MOD-CALL-ARGS/Example"));
        Assert.That(e.Message, Does.Contain("shrunk counterexample: (-0.0)\n"));
    }

    [Test]
    public void TableShrinker_KeepsHolesAndKeys_SoCandidatesStayCanonical()
    {
        var table = new LuaTable([1L, LuaValue.Nil, "abc"], [KeyValuePair.Create((LuaValue)"k", (LuaValue)2.5)]);
        var candidates = LuaValueShrinkers.Shrink(table).OfType<LuaTable>().ToArray();
        Assert.That(candidates, Has.Some.EqualTo(new LuaTable([1L, LuaValue.Nil, ""], table.Hash)));
        Assert.That(candidates.Where(t => t.Length > 0), Has.All.Matches<LuaTable>(t => t.Array[^1] is not LuaNil));
    }

    [Test]
    public void BindingProperty_AgainstAKernelThatKeepsDeregisteredDrivers_ShrinksToAFewSteps()
    {
        var broken = BrokenKernelCatalogue.All.First(k => k.Breaks == "DRV-DEREGISTER");
        var rule = SuiteAssembly.Rules.Single(r => r.Id == "DRV-DEREGISTER/GeneratedLayoutsAndSteps_BindingsLifecycleAndCallsMatchThePage");
        var result = RuleRunner.Run(rule, broken.Adapter, new RunSettings());
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Fail), result.Details);
        var shrunk = result.Details!.Split('\n').Single(l => l.StartsWith("shrunk counterexample", StringComparison.Ordinal));
        TestContext.Out.WriteLine(result.Details[..Math.Min(result.Details.Length, 1500)]);
        Assert.That(shrunk.Split(';'), Has.Length.LessThanOrEqualTo(4), shrunk);
    }
}
