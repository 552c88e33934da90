using Phoenix.Common;
using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Reporting.Compare;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary><c>compare --generate</c>: seeded step sequences over a scenario's modules, the first that differs shrunk
/// to a scenario that reruns it.</summary>
public sealed class GeneratedCompareTests
{
    private static string Example => Path.Combine(RepositoryRoot.Find(), "reports", "compare", "handout.yaml");

    // Our own minimal Lua kernel on the CraftOS host: it hands callmodule a process record of its own shape, so it
    // differs from the reference kernel on the first call of handout.me.
    private static string Tiny => "craftos:" + Path.Combine(RepositoryRoot.Find(), "fixtures", "kernels", "tiny");

    [Test]
    public void TheSameKernelTwice_HasNoDifferencesInGeneratedCases_Exit0()
    {
        var (exit, output, _) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", Example, "--generate", "15");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.EndWith("No differences in 15 generated case(s).\n"));
    }

    [Test]
    public void TwoKernelsThatDiffer_GiveAShrunkScenario_ThatRerunsTheDifference()
    {
        var shrunk = Path.Combine(Path.GetTempPath(), $"shrunk-{Guid.NewGuid():N}.yaml");
        try
        {
            var (exit, output, _) = CliRun.Real("compare", "--adapter", "reference", "--adapter", Tiny, "--scenario", Example, "--generate", "30", "--shrunk", shrunk);
            Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected), output);
            Assert.That(output, Does.Contain("Difference found in case").And.Contain("replay: --generate 30 --seed 1."));
            var rerun = CliRun.Real("compare", "--adapter", "reference", "--adapter", Tiny, "--scenario", shrunk);
            Assert.That(rerun.Exit, Is.EqualTo(ExitCodes.Unexpected), "the shrunk scenario, rerun as a file, still differs:\n" + rerun.Out);
        }
        finally
        {
            File.Delete(shrunk);
        }
    }

    [Test]
    public void TheShrunkScenario_IsMinimal_NoStepCanGo()
    {
        var scenario = Scenario.Read(Example);
        var (reference, tiny) = (AdapterRegistry.Create("reference", []), AdapterRegistry.Create(Tiny, []));
        var found = GeneratedRun.Run(reference, tiny, scenario, cases: 30, seed: 1);
        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Shrunk, Has.Count.LessThanOrEqualTo(found.Original.Count));
        for (var i = 0; i < found.Shrunk.Count && found.Shrunk.Count > 1; i++)
        {
            var without = found.Shrunk.Where((_, j) => j != i).ToArray();
            Assert.That(GeneratedRun.Unaccepted(scenario, reference, tiny, without), Is.Empty, $"step {i + 1} could go and a difference would remain");
        }
    }

    [Test]
    public void TheSameSeed_DrawsTheSameCases()
    {
        string Run() => CliRun.Real("compare", "--adapter", "reference", "--adapter", Tiny, "--scenario", Example, "--generate", "30", "--seed", "7").Out;
        Assert.That(Run(), Is.EqualTo(Run()));
    }

    [TestCase("--generate 0", "--generate takes a number of cases from 1 to 100000")]
    [TestCase("--shrunk /tmp/x.yaml", "--shrunk needs --generate")]
    public void BadUsage_Exit2_OneLine(string extra, string message)
    {
        var (exit, output, error) = CliRun.Real(["compare", "--adapter", "reference", "--adapter", "reference", "--scenario", Example, .. extra.Split(' ')]);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain(message));
    }

    [Test]
    public void AScenarioWithoutAGenerateSection_IsRefusedForGenerate_Exit2()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryRoot.Find(), "reports", "compare", "handout.lua"), Path.Combine(folder, "handout.lua"));
            var file = Path.Combine(folder, "plain.yaml");
            File.WriteAllText(file, "modules: [handout.lua]\nsteps:\n  - user: alice\n    program: return 1\n");
            var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file, "--generate", "5");
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
            Assert.That(output + error, Does.Contain("--generate needs a generate: section"));
            File.WriteAllText(file, "modules: [handout.lua]\ngenerate:\n  calls: [other.me]\n");
            (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file, "--generate", "5");
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
            Assert.That(output + error, Does.Contain("call 'other.me' is not module.function for one of the modules (handout)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
