using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// Boots the real Phoenix kernel when PHOENIX_KERNEL_DIR names a directory holding its kernel.lua and kernel.lua.d
/// (for example a checkout of Phoenix-ComputerCraft/kernel at 0.0.9). Kernel code never enters this repository, so
/// without the variable these tests say they did not run.
/// </summary>
public class PhoenixKernelTests
{
    private static string KernelDirectory()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("Did not run: set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d).");
        return dir;
    }

    [Test]
    public void Phoenix_BootsAndServesCallmodule()
    {
        using var kernel = new CraftOsAdapter(KernelDirectory()).Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua",
            "return { echo = function(process, thread, ...) return ... end }"));
        var result = kernel.Syscall("root", "callmodule", "echo", "echo", 1L, "two");
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { 1L, "two" }));
    }

    /// <summary>Phoenix takes requests on its console (LuaLiteral) and answers with %q literals: floats must cross both
    /// ways bit for bit, as rules compare them (ADAPTER-CONTRACT.md): -0.0 and NaNs of either sign and any payload.</summary>
    [Test]
    public void Phoenix_FloatsThroughCallmodule_CrossBitForBit()
    {
        using var kernel = new CraftOsAdapter(KernelDirectory()).Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua",
            "return { echo = function(process, thread, ...) return ... end }"));
        LuaValue[] floats = [-0.0, 0.0, double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0000),
            BitConverter.Int64BitsToDouble(0x7FF4_0000_0000_0123), LuaTable.Record(("nan", BitConverter.Int64BitsToDouble(-0x7_FFFF_FFFF_FFFF)))];
        var result = kernel.Syscall("root", "callmodule", ["echo", "echo", .. floats]);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(floats));
    }

    /// <summary>Phoenix runs as shipped, preemptive: a user program that runs long is preempted by Phoenix's count
    /// hook (through the engine's yielding count hooks) and still answers; with <c>?cooperative</c> it is never
    /// preempted.</summary>
    [Test]
    public void Phoenix_PreemptsLongPrograms_AsShipped_AndNotWhenCooperative()
    {
        const string Long = "local n = 0 for i = 1, 300000 do n = n + i end return n";
        using var preemptive = (CraftOsKernel)new CraftOsAdapter(KernelDirectory()).Boot(BootImage.Empty);
        using var cooperative = (CraftOsKernel)new CraftOsAdapter(KernelDirectory() + "?cooperative").Boot(BootImage.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(preemptive.RunUserChunk("alice", Long).Values, Is.EqualTo(new LuaValue[] { 45000150000L }));
            Assert.That(preemptive.Computer.Preemptions, Is.GreaterThan(0));
            Assert.That(cooperative.RunUserChunk("alice", Long).Values, Is.EqualTo(new LuaValue[] { 45000150000L }));
            Assert.That(cooperative.Computer.Preemptions, Is.Zero);
        });
    }

    /// <summary>Every rule, in both profiles, comes out as reports/expectations/phoenix-0.0.9.yaml says (a rule it
    /// does not list must pass): the certification the committed report shows, as a test. With each rule's own seed,
    /// as the report is made: one seed for all finds no DRV-DEREGISTER case in the generated layouts.</summary>
    [Test]
    public void Phoenix_EveryRule_ComesOutAsItsExpectationsSay()
    {
        var adapter = new CraftOsAdapter(KernelDirectory());
        var expectations = ExpectationsYaml.Read(Path.Combine(RepositoryPaths.Root, "reports", "expectations", "phoenix-0.0.9.yaml"));
        var surprises = new List<string>();
        foreach (var profile in new[] { Profile.V1, Profile.V2 })
        {
            foreach (var rule in SuiteAssembly.Rules.Where(r => r.Clause.AppliesTo(profile)))
            {
                var result = RuleRunner.Run(rule, adapter, new RunSettings { Profile = profile, TimeLimit = TimeSpan.FromSeconds(60) });
                var expected = expectations.For(rule.Id)?.Outcome ?? RuleOutcome.Pass;
                if (result.Outcome != expected) surprises.Add($"{profile} {rule.Id}: expected {expected}, got {result.Outcome}: {result.Message}");
            }
        }
        Assert.That(surprises, Is.Empty, string.Join("\n", surprises));
    }
}
