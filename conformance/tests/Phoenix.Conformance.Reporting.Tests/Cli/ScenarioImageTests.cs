using Phoenix.Common;
using Phoenix.Conformance.Cli;
using Phoenix.Conformance.ModuleCheck;
using Phoenix.ReferenceKernel.Adapter;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>A compare scenario that boots a system image (a tablefs image or a folder) and names inputs from outside
/// the repository through environment variables.</summary>
[NonParallelizable] // sets an environment variable of the process
public sealed class ScenarioImageTests
{
    private const string Variable = "PHOENIX_TEST_SCENARIO_IMAGE";

    private static readonly string TinyImage = Path.Combine(RepositoryRoot.Find(), "fixtures", "tablefs", "tiny-rootfs.img");

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory().FullName;

    [TearDown]
    public void DeleteFolder()
    {
        Environment.SetEnvironmentVariable(Variable, null);
        Directory.Delete(_folder, recursive: true);
    }

    private string Scenario(string text)
    {
        var file = Path.Combine(_folder, "scenario.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    [Test]
    public void AnImageFromAnEnvironmentVariable_Boots_WithItsOwnModules()
    {
        // The tiny image holds one module in /lib/modules: compare keeps it, so both kernels boot it as shipped.
        Environment.SetEnvironmentVariable(Variable, TinyImage);
        var file = Scenario($"image: ${{{Variable}}}\nsteps:\n  - user: root\n    program: local t = syscall.listmodules() table.sort(t) return table.concat(t, \",\")\n");
        var scenario = Compare.Scenario.Read(file, path => ContractMapping.ToContract(SystemImage.Load(path, keepModules: true)), Environment.GetEnvironmentVariable);
        Assert.That(scenario.Image.Entries.Select(e => e.Path), Has.Some.StartsWith("/lib/modules/"));
        var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output + error);
        Assert.That(output, Does.EndWith("No differences.\n"));
    }

    [Test]
    public void WrittenBack_TheImageKeepsItsEnvironmentVariable()
    {
        // compare --generate --shrunk writes scenarios back: the image must come with them, named as it was.
        Environment.SetEnvironmentVariable(Variable, TinyImage);
        var file = Scenario($"image: ${{{Variable}}}\nsteps:\n  - user: root\n    program: return 1\n");
        var scenario = Compare.Scenario.Read(file, path => ContractMapping.ToContract(SystemImage.Load(path, keepModules: true)), Environment.GetEnvironmentVariable);
        var yaml = scenario.ToYaml(scenario.Steps, Path.Combine(_folder, "elsewhere"));
        Assert.That(yaml, Does.StartWith($"image: \"${{{Variable}}}\"\n"));
        File.WriteAllText(Path.Combine(_folder, "again.yaml"), yaml);
        var again = Compare.Scenario.Read(Path.Combine(_folder, "again.yaml"), path => ContractMapping.ToContract(SystemImage.Load(path, keepModules: true)), Environment.GetEnvironmentVariable);
        Assert.That(again.Image.Entries.Select(e => e.Path), Is.EquivalentTo(scenario.Image.Entries.Select(e => e.Path)));
    }

    [Test]
    public void AnUnsetEnvironmentVariable_Exit2_NamingIt()
    {
        var file = Scenario($"image: ${{{Variable}}}\nsteps:\n  - user: root\n    program: return 1\n");
        var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain($"needs the environment variable {Variable}"));
    }

    [Test]
    public void AnImageThatIsNoImage_Exit2_OneLine()
    {
        File.WriteAllText(Path.Combine(_folder, "junk.img"), "this is not a Lua table");
        var file = Scenario("image: junk.img\nsteps:\n  - user: root\n    program: return 1\n");
        var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain("image:").And.Contain("neither a folder nor a tablefs image"));
    }
}
