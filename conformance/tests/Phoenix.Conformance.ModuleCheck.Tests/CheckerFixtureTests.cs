using System.Globalization;
using Phoenix.Common;

namespace Phoenix.Conformance.ModuleCheck.Tests;

/// <summary>Our own modules (Modules/), each following or breaking one piece of the page's advice, and the page's
/// template modules: the checker reports exactly the expected findings, at the expected lines and kernel paths.</summary>
public class CheckerFixtureTests
{
    internal static ModuleCheckResult Check(string file) =>
        ModuleChecker.Check(ModuleSource.FromFile(Path.Combine(AppContext.BaseDirectory, "Modules", file)));

    // "CHECK line path", one per finding, in the order found.
    private static string[] Found(ModuleCheckResult result) =>
        [.. result.Findings.Select(f => $"{f.CheckId} {f.Line?.ToString(CultureInfo.InvariantCulture) ?? "-"} {f.Path}")];

    [Test]
    public void AModuleFollowingTheAdvice_HasNoFindings() =>
        Assert.That(Found(Check("clean_api.lua")), Is.Empty);

    [TestCase("fixtures/FS-TEMPLATE/memfs.lua")]
    [TestCase("fixtures/DRV-SHAPE/mydriver.lua")]
    // The page's filesystem and driver templates (filled in as the suite's fixtures): no findings.
    public void ThePagesTemplateModules_HaveNoFindings(string file) =>
        Assert.That(Found(ModuleChecker.Check(ModuleSource.FromFile(Path.Combine(RepositoryRoot.Find(), file)))), Is.Empty);

    [Test]
    public void CustomSyscalls_AddedOrReplaced_AreFound_AtTheirLines() =>
        Assert.That(Found(Check("custom_syscall.lua")), Is.EqualTo(new[]
        {
            "MOD-NO-CUSTOM-SYSCALLS 3 syscalls.checked_hello",
            "MOD-NO-CUSTOM-SYSCALLS 5 syscalls.getuser",
        }));

    [Test]
    public void AUserFunction_CalledDirectlyByAnApi_IsFound_WithItsLine_OrAsATailCall()
    {
        var result = Check("direct_call.lua");
        Assert.That(Found(result), Is.EqualTo(new[]
        {
            "MOD-USER-CALLBACK-USE 6 callmodule(\"direct_call\", \"run\") argument 1",
            "MOD-USER-CALLBACK-USE - callmodule(\"direct_call\", \"runLast\") argument 2",
        }));
        Assert.That(result.Findings[1].Message, Does.Contain("tail call"));
    }

    [Test]
    public void AUserFunction_CalledDirectlyByADriverMethod_IsFound() =>
        Assert.That(Found(Check("direct_driver.lua")), Is.EqualTo(new[]
        {
            "MOD-USER-CALLBACK-USE 9 devcall(\"checkdevice\", \"visit\") argument 1",
        }));

    [Test]
    public void StateAnUnloadForgets_IsFound_WithTheLineOfTheFunctionItHolds()
    {
        var result = Check("leaky_unload.lua");
        Assert.That(Found(result), Is.EqualTo(new[] { "MOD-UNLOAD-REVERSES 9 LEAKY_HOOKS" }));
        Assert.That(result.Findings[0].Message, Does.Contain("its unload does not reverse this"));
    }

    [Test]
    public void StateChanged_WithoutAnUnload_IsFound()
    {
        var result = Check("no_unload.lua");
        Assert.That(Found(result), Is.EqualTo(new[]
        {
            "MOD-UNLOAD-REVERSES - NO_UNLOAD_SETTINGS",
            "MOD-UNLOAD-REVERSES 3 no_unload_helper",
        }));
        Assert.That(result.Findings.Select(f => f.Message), Has.All.Contain("has no unload"));
    }

    [Test]
    public void AnUndefinedGlobal_ReadOnlyForOrdinaryUsers_IsNoted_AndANoteLeavesTheModuleClean()
    {
        var result = Check("typo_global.lua");
        Assert.That(Found(result), Is.EqualTo(new[] { "UNDEFINED-GLOBAL 14 checkPermision" }));
        Assert.That(result.Clean, Is.True);
    }

    [Test]
    public void AModuleThatThrowsAtLoad_IsReported_AndNothingElse()
    {
        var result = Check("throws_at_load.lua");
        Assert.That(Found(result), Is.EqualTo(new[] { "LOAD - " }));
        Assert.That(result.Findings[0].Message, Does.Contain("this module refuses to load"));
    }

    [Test]
    public void AModuleNeedingALibrary_LoadsOnlyOnASystemThatHasIt()
    {
        Assert.That(Found(Check("uses_library.lua")), Is.EqualTo(new[] { "LOAD - " }));
        var system = SystemImage.Load(Path.Combine(AppContext.BaseDirectory, "System"));
        var module = ModuleSource.FromFile(Path.Combine(AppContext.BaseDirectory, "Modules", "uses_library.lua"));
        Assert.That(Found(ModuleChecker.Check(module, system: system)), Is.Empty);
    }

    [Test]
    public void FindingsName_TheUsersFile_NotTheKernelsCopy()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Modules", "custom_syscall.lua");
        Assert.That(ModuleChecker.Check(ModuleSource.FromFile(file)).Findings.Select(f => f.File), Has.All.EqualTo(file));
    }
}
