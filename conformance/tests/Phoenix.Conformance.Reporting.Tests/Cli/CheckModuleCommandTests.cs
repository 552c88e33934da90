using Phoenix.Common;
using Phoenix.Conformance.Cli;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary><c>check-module</c> as a module author runs it: exit 0 clean, 1 on findings, 2 on bad usage (before any
/// module runs), and the SARIF and JSON files it is asked for.</summary>
public sealed class CheckModuleCommandTests
{
    private static string Fixture(string path) => Path.Combine(RepositoryRoot.Find(), path);

    [Test]
    public void ThePagesTemplates_AreClean_Exit0()
    {
        var (exit, output, _) = CliRun.Real("check-module", Fixture("fixtures/FS-TEMPLATE/memfs.lua"), Fixture("fixtures/DRV-SHAPE/mydriver.lua"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
        Assert.That(output, Does.EndWith("2 module(s) checked: 2 clean, 0 finding(s)\n"));
    }

    [Test]
    public void AFolderOfModulesWithFindings_Exit1_OneLinePerFinding_AndWritesSarifAndJson()
    {
        var folder = Fixture("conformance/tests/Phoenix.Conformance.ModuleCheck.Tests/Modules");
        var sarif = Path.Combine(Path.GetTempPath(), $"check-{Guid.NewGuid():N}.sarif");
        var json = Path.ChangeExtension(sarif, ".json");
        var html = Path.ChangeExtension(sarif, ".html");
        var (exit, output, _) = CliRun.Real("check-module", folder, "--sarif", sarif, "--json", json, "--html", html);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected), output);
            Assert.That(output, Does.Contain("custom_syscall.lua:3: MOD-NO-CUSTOM-SYSCALLS: the module adds the syscall checked_hello"));
            Assert.That(output, Does.Contain("direct_call.lua:6: MOD-USER-CALLBACK-USE"));
            Assert.That(output, Does.Contain("leaky_unload.lua:9: MOD-UNLOAD-REVERSES: LEAKY_HOOKS is left behind"));
            Assert.That(File.ReadAllText(sarif), Does.Contain("\"version\": \"2.1.0\""));
            Assert.That(File.ReadAllText(json), Does.Contain("\"clean\": true"));
            Assert.That(File.ReadAllText(html), Does.Contain("<td>MOD-NO-CUSTOM-SYSCALLS</td>").And.Contain("<code>syscalls.checked_hello</code>"));
        });
        File.Delete(sarif);
        File.Delete(json);
        File.Delete(html);
    }

    [Test]
    public void AcceptedFindings_ArePrintedWithTheirReason_AndDoNotCount_UnusedOnesAreNamed()
    {
        var accept = Path.Combine(Path.GetTempPath(), $"accept-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(accept, """
            accepted:
              - check: MOD-UNLOAD-REVERSES
                module: leaky_unload.lua
                path: LEAKY_HOOKS
                reason: the hooks stay for the next load, on purpose
              - check: MOD-NO-CUSTOM-SYSCALLS
                module: leaky_unload.lua
                reason: written for a finding that is gone
            """);
        var module = Fixture("conformance/tests/Phoenix.Conformance.ModuleCheck.Tests/Modules/leaky_unload.lua");
        var (exit, output, _) = CliRun.Real("check-module", module, "--accept", accept);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(output, Does.Contain("accepted: ").And.Contain("(the hooks stay for the next load, on purpose)"));
            Assert.That(output, Does.Contain("unused acceptance: MOD-NO-CUSTOM-SYSCALLS in leaky_unload.lua matches no finding"));
            Assert.That(output, Does.EndWith("1 module(s) checked: 1 clean, 0 finding(s)\n"));
        });
        File.Delete(accept);
    }

    [Test]
    public void AnAcceptanceWithoutAReason_Exit2()
    {
        var accept = Path.Combine(Path.GetTempPath(), $"accept-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(accept, "accepted:\n  - check: MOD-UNLOAD-REVERSES\n    module: x.lua\n");
        var (exit, output, error) = CliRun.Real("check-module", Fixture("fixtures/DRV-SHAPE/mydriver.lua"), "--accept", accept);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(output + error, Does.Contain("entry 1: no reason"));
        File.Delete(accept);
    }

    [TestCase("/no/such/module.lua", "no such file or folder")]
    [TestCase("--sarif", "Required argument missing")]
    public void BadInput_Exit2_OneLine(string argument, string message)
    {
        var (exit, output, error) = CliRun.Real("check-module", argument);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain(message));
    }

    [Test]
    public void ASystemThatIsNeitherAFolderNorAnImage_Exit2()
    {
        var (exit, output, error) = CliRun.Real("check-module", Fixture("fixtures/DRV-SHAPE/mydriver.lua"), "--system", "/no/such/system");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(output + error, Does.Contain("check-module --system: no such folder or image: /no/such/system"));
    }

    [Test]
    public void ASarifPathInAMissingFolder_Exit2_BeforeAnyModuleRuns()
    {
        var (exit, output, error) = CliRun.Real("check-module", Fixture("fixtures/DRV-SHAPE/mydriver.lua"), "--sarif", "/no/such/folder/out.sarif");
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(output + error, Does.Contain("does not exist").And.Not.Contain("module(s) checked"));
    }
}
