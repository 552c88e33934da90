using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.SelfTests.BrokenKernels;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.SelfTests;

/// <summary>
/// "A rule that cannot fail certifies nothing": each broken kernel runs the rules of the clause it breaks, and at
/// least one of them must report "fail" (not "error": a defect must be caught as non-conformance, not as a crash).
/// </summary>
public class BrokenKernelTests
{
    // A fixed seed keeps the property rules' cases identical from run to run, so this proof is deterministic.
    private static readonly RunSettings Settings = new() { Profile = Profile.V2, Seed = 20261122 };

    public static IEnumerable<TestCaseData> Kernels() =>
        BrokenKernelCatalogue.All.Select(k => new TestCaseData(k).SetName($"{k.Breaks}/{k.Name}").SetCategory(k.Breaks));

    [TestCaseSource(nameof(Kernels))]
    public void BrokenKernel_UnderRulesOfItsClause_IsCaught(BrokenKernel kernel)
    {
        var rules = SuiteAssembly.Rules.Where(r => r.Clause.Id == kernel.Breaks).ToArray();
        Assert.That(rules, Is.Not.Empty, $"No rule checks {kernel.Breaks}.");
        var adapter = kernel.Adapter;
        var results = rules.Select(rule => RuleRunner.Run(rule, adapter, Settings)).ToArray();
        var report = string.Join("\n", results.Select(r => $"  {r.Rule.Id}: {r.Outcome} {r.Message}"));
        Assert.Multiple(() =>
        {
            Assert.That(results.Any(r => r.Outcome == RuleOutcome.Fail), Is.True, $"{kernel} was not caught:\n{report}");
            Assert.That(results.Where(r => r.Outcome == RuleOutcome.Error), Is.Empty, $"{kernel} made rules error instead of fail:\n{report}");
        });
    }

    [Test]
    public void EveryRule_IsFailedByAtLeastOneBrokenKernel()
    {
        // Per rule, not only per clause: a rule that no defect can make fail certifies nothing.
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kernel in BrokenKernelCatalogue.All)
        {
            var adapter = kernel.Adapter;
            foreach (var rule in SuiteAssembly.Rules.Where(r => r.Clause.Id == kernel.Breaks))
            {
                if (RuleRunner.Run(rule, adapter, Settings).Outcome == RuleOutcome.Fail) failed.Add(rule.Id);
            }
        }
        var neverFailed = SuiteAssembly.Rules.Select(r => r.Id).Where(id => !failed.Contains(id)).ToArray();
        Assert.That(neverFailed, Is.Empty, "Rules that no broken kernel makes fail.");
    }

    [Test]
    public void EveryClauseWithRules_HasABrokenKernelThatBreaksIt()
    {
        var covered = BrokenKernelCatalogue.All.Select(k => k.Breaks).ToHashSet(StringComparer.Ordinal);
        var missing = SuiteAssembly.Rules.Select(r => r.Clause.Id).Distinct().Where(id => !covered.Contains(id)).ToArray();
        Assert.That(missing, Is.Empty, "Clauses whose rules no broken kernel proves able to fail.");
    }

    [Test]
    public void EveryBrokenKernel_NamesAKnownClause()
    {
        var unknown = BrokenKernelCatalogue.All.Where(k => !ClauseCatalogue.TryGet(k.Breaks, out _)).Select(k => k.Name).ToArray();
        Assert.That(unknown, Is.Empty);
    }
}
