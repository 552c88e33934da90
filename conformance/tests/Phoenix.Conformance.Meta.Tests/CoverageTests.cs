using Phoenix.Conformance.ModuleCheck;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>The coverage gate: every clause has a rule, unless it is pending with the work item that will add it.</summary>
public class CoverageTests
{
    // A clause is covered by a suite rule, or (the SHOULD clauses, advice to module authors) by a check-module check.
    private static readonly HashSet<string> Covered =
        SuiteAssembly.Rules.Select(r => r.Clause.Id).Concat(ModuleChecks.ClauseIds).ToHashSet(StringComparer.Ordinal);

    [Test]
    public void EveryClause_HasARule_OrIsPending()
    {
        var uncovered = ClauseCatalogue.All.Select(c => c.Id)
            .Where(id => !Covered.Contains(id) && !PendingClauses.All.ContainsKey(id)).ToArray();
        Assert.That(uncovered, Is.Empty, "Clauses with no rule and not listed in PendingClauses.");
    }

    [Test]
    public void PendingClauses_HaveNoRulesYet_AndExist()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PendingClauses.All.Keys.Where(Covered.Contains), Is.Empty, "Pending clauses that now have rules: remove them from PendingClauses.");
            Assert.That(PendingClauses.All.Keys.Where(id => !ClauseCatalogue.TryGet(id, out _)), Is.Empty, "Pending clauses not in the catalogue.");
        });
    }

    [TestCase("MOD-AUTOLOAD")]
    [TestCase("MOD-SUBDIR")]
    [TestCase("MOD-OWNER")]
    [TestCase("MOD-WORLD-WRITABLE")]
    [TestCase("MOD-API")]
    [TestCase("MOD-CALL-ARGS")]
    [TestCase("MOD-CALL-SCOPE")]
    [TestCase("MOD-UNLOAD")]
    [TestCase("MOD-UNLOAD-OPTIONAL")]
    [TestCase("MOD-SYSCALL-TABLE")]
    // Each row: a MUST clause of the module syscalls that must have at least one rule.
    public void ModuleSliceClause_HasAtLeastOneRule(string clauseId) =>
        Assert.That(SuiteAssembly.Rules.Count(r => r.Clause.Id == clauseId), Is.GreaterThan(0));

    [Test]
    public void NothingIsPending_EveryClauseIsChecked() =>
        Assert.That(PendingClauses.All, Is.Empty, "the coverage gate: 38 of 38 page clauses have rules or module checks");

    [Test]
    public void TheShouldClauses_AreCheckedOnModules()
    {
        var should = ClauseCatalogue.All.Where(c => c.Level == ClauseLevel.Should).Select(c => c.Id);
        Assert.That(ModuleChecks.ClauseIds, Is.EquivalentTo(should));
    }

    [Test]
    public void EveryRule_NamesAKnownClause()
    {
        // Discovery itself refuses unknown IDs; this keeps the guarantee visible as a test.
        Assert.That(SuiteAssembly.Rules.Where(r => !ClauseCatalogue.TryGet(r.Clause.Id, out _)), Is.Empty);
        Assert.That(SuiteAssembly.Rules, Is.Not.Empty);
    }
}
