using Phoenix.Mutation.Mutants;
using Phoenix.Mutation.Running;

namespace Phoenix.Mutation.Tests;

/// <summary>The runner end to end on three known mutants: one the page's rules kill, one that cannot boot, one
/// equivalent that every rule passes. Slow-ish (the baseline runs every rule once), so one fixture shares it.</summary>
public class RunnerTests
{
    private static readonly Lazy<MutantRunner> Runner = new(() => MutantRunner.Create(TimeSpan.FromSeconds(30), TextWriter.Null));

    private static Mutant Find(string script, string op, string original) =>
        MutantGenerator.ForReferenceKernel().First(m => m.Script == script && m.Operator == op && m.Original == original);

    [Test]
    public void ChownThatNeverReachesTheMount_IsKilledByAPageRule()
    {
        var result = Runner.Value.Run(Find("fs-dispatch.lua", MutationOperator.DropStatement, "kernel.callMount(object, \"chown\", process, relative, user)"));
        Assert.That(result.Outcome, Is.EqualTo(MutantOutcome.Killed), result.KilledBy);
        // Any page rule that uses chown may be the first to catch it (MOD-OWNER chowns module files, FS-METHODS checks dispatch).
        Assert.That(result.KilledBy, Does.Match("^(MOD|FS)-"));
    }

    [Test]
    public void AKernelWithoutItsKernelProcess_IsStillborn()
    {
        var result = Runner.Value.Run(Find("kernel.lua", MutationOperator.DropStatement, "kernel.KERNEL = KERNEL"));
        Assert.That(result.Outcome, Is.EqualTo(MutantOutcome.Stillborn));
    }

    [Test]
    public void AnEquivalentMutant_Survives()
    {
        var result = Runner.Value.Run(Find("usermode.lua", MutationOperator.VarargRepack, "..."));
        Assert.That(result.Outcome, Is.EqualTo(MutantOutcome.Survived), result.KilledBy);
    }
}
