using Phoenix.Mutation.Mutants;

namespace Phoenix.Mutation.Tests;

public class OperatorTests
{
    private static string[] Mutated(string source, string op) =>
        MutantGenerator.For("kmod.lua", source).Where(m => m.Operator == op).Select(m => m.Apply(source)).ToArray();

    [Test]
    public void Relational_SwapsBoundaryAndDirection()
    {
        Assert.That(Mutated("if a < b then end", MutationOperator.Relational), Is.EquivalentTo(new[] { "if a <= b then end", "if a > b then end" }));
    }

    [Test]
    public void EqualityLogicalAndNot_AreFlippedOrRemoved()
    {
        const string source = "if not a == b and c then end";
        Assert.Multiple(() =>
        {
            Assert.That(Mutated(source, MutationOperator.Equality), Is.EqualTo(new[] { "if not a ~= b and c then end" }));
            Assert.That(Mutated(source, MutationOperator.Logical), Is.EqualTo(new[] { "if not a == b or c then end" }));
            Assert.That(Mutated(source, MutationOperator.NotRemoval), Is.EqualTo(new[] { "if a == b and c then end" }));
        });
    }

    [Test]
    public void NothingInsideStringsOrComments_IsMutated()
    {
        const string source = "local s = 'a < b and not c' -- x == y or z\n";
        var mutants = MutantGenerator.For("kmod.lua", source);
        Assert.That(mutants.Select(m => m.Operator), Is.EqualTo(new[] { MutationOperator.Constant }));
    }

    [Test]
    public void DropStatement_RemovesCallsAndAssignments_NotLocals()
    {
        const string source = "local x = 1\nx = 2\nf(x)\nif x then error('e', 0) end\nt.a, t.b = 1, 2\n";
        Assert.That(Mutated(source, MutationOperator.DropStatement), Is.EquivalentTo(new[]
        {
            "local x = 1\n\nf(x)\nif x then error('e', 0) end\nt.a, t.b = 1, 2\n",
            "local x = 1\nx = 2\n\nif x then error('e', 0) end\nt.a, t.b = 1, 2\n",
            "local x = 1\nx = 2\nf(x)\nif x then  end\nt.a, t.b = 1, 2\n",
            "local x = 1\nx = 2\nf(x)\nif x then error('e', 0) end\n\n",
        }));
    }

    [Test]
    public void DropStatement_TakesAWholeFunctionValue()
    {
        const string source = "kernel.f = function(a, b)\n  return a, b\nend\nkernel.g()\n";
        Assert.That(Mutated(source, MutationOperator.DropStatement), Does.Contain("\nkernel.g()\n"));
    }

    [Test]
    public void Vararg_IsRepacked_AndSelectCountBecomesLength()
    {
        const string source = "local function f(...) return select('#', ...), g(...) end";
        Assert.That(Mutated(source, MutationOperator.VarargRepack), Is.EquivalentTo(new[]
        {
            "local function f(...) return #{...}, g(...) end",
            "local function f(...) return select('#', table.unpack({...})), g(...) end",
            "local function f(...) return select('#', ...), g(table.unpack({...})) end",
        }));
    }

    [Test]
    public void ArgSwap_SwapsAdjacentDistinctArguments()
    {
        Assert.That(Mutated("f(a, g(b, c), a)", MutationOperator.ArgSwap), Is.EquivalentTo(new[]
        {
            "f(g(b, c), a, a)", "f(a, a, g(b, c))", "f(a, g(c, b), a)",
        }));
    }

    [Test]
    public void CaseInsensitive_LowersBothSides_ButNotTypeResults()
    {
        const string source = "if p.user ~= 'root' and type(x) == 'table' and y == '' then end";
        Assert.That(Mutated(source, MutationOperator.CaseInsensitive), Is.EqualTo(new[]
        {
            "if string.lower(p.user) ~= string.lower('root') and type(x) == 'table' and y == '' then end",
        }));
    }

    [Test]
    public void Constants_NumbersBooleansAndStrings()
    {
        Assert.That(Mutated("f(2, 0, true, 'a', '')", MutationOperator.Constant), Is.EquivalentTo(new[]
        {
            "f(3, 0, true, 'a', '')", "f(0, 0, true, 'a', '')", "f(2, 1, true, 'a', '')", "f(2, 0, false, 'a', '')", "f(2, 0, true, \"\", '')",
        }));
    }

    [Test]
    public void EarlyReturn_AndNilReturn()
    {
        const string source = "function k.f(a)\n  g(a)\n  return a, 1\nend\nlocal h = function() return nil end";
        Assert.Multiple(() =>
        {
            Assert.That(Mutated(source, MutationOperator.EarlyReturn), Is.EqualTo(new[] { "function k.f(a)\n  do return end g(a)\n  return a, 1\nend\nlocal h = function() return nil end" }));
            Assert.That(Mutated(source, MutationOperator.NilReturn), Is.EqualTo(new[] { "function k.f(a)\n  g(a)\n  return nil\nend\nlocal h = function() return nil end" }));
        });
    }

    [Test]
    public void ReferenceKernelMutants_HaveUniqueIds()
    {
        var mutants = MutantGenerator.ForReferenceKernel();
        Assert.That(mutants, Is.Not.Empty);
        Assert.That(mutants.Select(m => m.Id), Is.Unique);
    }

    [Test]
    public void TheCompileCheck_TellsBrokenLuaFromValid()
    {
        // Proposals go through this check, so an edit that breaks the syntax never becomes a mutant.
        Assert.Multiple(() =>
        {
            Assert.That(MutantGenerator.Compiles("local y = f 'a'"), Is.True);
            Assert.That(MutantGenerator.Compiles("local y ="), Is.False);
        });
    }

    [Test]
    public void EveryMutant_HasAFamily_AndChangesItsScript()
    {
        var sources = ReferenceKernel.ReferenceKernel.BuiltInScripts.ToDictionary(s => s.Name, s => s.Source);
        var mutants = MutantGenerator.ForReferenceKernel();
        Assert.Multiple(() =>
        {
            Assert.That(mutants.Select(m => m.Family).Distinct(), Is.SubsetOf(Families.All));
            Assert.That(mutants.Where(m => m.Apply(sources[m.Script]) == sources[m.Script]), Is.Empty);
            Assert.That(mutants.Where(m => m.Function == "kernel.newProcess").Select(m => m.Family).Distinct(), Is.EqualTo(new[] { "USER" }));
        });
    }
}
