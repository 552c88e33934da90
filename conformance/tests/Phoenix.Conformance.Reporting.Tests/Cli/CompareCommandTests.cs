using Phoenix.Common;
using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Reporting.Compare;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary><c>compare</c>: one scenario on two kernels, every observation that differs, accepted ones apart.</summary>
public sealed class CompareCommandTests
{
    private static string Example => Path.Combine(RepositoryRoot.Find(), "reports", "compare", "handout.yaml");

    [Test]
    public void TheSameKernelTwice_HasNoDifferences_Exit0()
    {
        var (exit, output, _) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", Example);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.EndWith("No differences.\n"));
        // The example accepts the root filesystem's type, which one kernel never differs from itself on.
        Assert.That(output, Does.Contain("note: accepted 'root filesystem' matches no difference"));
    }

    [Test]
    public void TheReferenceKernelAndALuaKernelOnTheCraftOSHost_DifferOnlyWhereAccepted()
    {
        var tiny = Path.Combine(RepositoryRoot.Find(), "fixtures", "kernels", "tiny");
        // The tiny kernel has no mountlist syscall: the scenario accepts that too (beside the example's own entry).
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.Copy(Path.Combine(Path.GetDirectoryName(Example)!, "handout.lua"), Path.Combine(folder, "handout.lua"));
        var scenario = Path.Combine(folder, "handout.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Example).Replace("accepted:\n", "accepted:\n  - key: mountlist\n    reason: the tiny kernel has no mountlist syscall\n", StringComparison.Ordinal));
        var (exit, output, _) = CliRun.Real("compare", "--adapter", "reference", "--adapter", $"craftos:{tiny}", "--scenario", scenario);
        Directory.Delete(folder, recursive: true);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.Contain("accepted: root filesystem (the root filesystem's type is the kernel's choice"));
    }

    [Test]
    public void Differences_AreEveryObservationThatDiffers_WithBothValues()
    {
        var a = new[] { new Observation("step 1", "alice: x", "ok(1)"), new Observation("listmodules", "l", "a, b") };
        var b = new[] { new Observation("step 1", "alice: x", "ok(2)"), new Observation("listmodules", "l", "a, b"), new Observation("stopped", "s", "panic") };
        Assert.That(ScenarioDiff.Compare(a, b), Is.EqualTo(new[]
        {
            new Difference("step 1", "alice: x", "ok(1)", "ok(2)"),
            new Difference("stopped", "s", "(not observed)", "panic"),
        }));
    }

    [TestCase("--adapter reference --scenario {0}", "give exactly two --adapter options")]
    [TestCase("--adapter reference --adapter reference --scenario /no/such.yaml", "Cannot read scenario '/no/such.yaml': no such file.")]
    [TestCase("--adapter reference --adapter nosuchkernel --scenario {0}", "nosuchkernel")]
    public void BadUsage_Exit2_OneLine(string arguments, string message)
    {
        var (exit, output, error) = CliRun.Real(["compare", .. string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, Example).Split(' ')]);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain(message));
    }
}
