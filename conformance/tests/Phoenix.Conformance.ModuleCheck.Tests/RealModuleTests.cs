using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.Conformance.ModuleCheck.Tests;

/// <summary>
/// The public Phoenix kernel modules (advanced-peripherals, gfxterm, compressfs, encryptfs, fuse, luz, spanfs,
/// yellowbox), from the folder PHOENIX_MODULES_DIR names (holding lib/modules/*.lua and the libraries they load under
/// lib/), checked on that folder as the system, and on the stock system image when PHOENIX_ROOTFS_IMG names it
/// (packages/rootfs.img of the docs repository). Their code is not ours and never enters the repository. Prints
/// what the checker reports for each; the checker must finish every module, and the event-hook leaks known in
/// advanced-peripherals and yellowbox must be found.
/// </summary>
public class RealModuleTests
{
    [Test]
    public void EveryRealModule_IsChecked_ToTheEnd_AndTheKnownHookLeaksAreFound()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_MODULES_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            Assert.Ignore("Did not run: set PHOENIX_MODULES_DIR to a folder holding the real modules in lib/modules/ (see conformance/src/Phoenix.Conformance.ModuleCheck/README.md).");
        }
        var results = CheckAll(dir, SystemImage.Load(dir));
        Assert.That(results.SelectMany(r => r.Findings).Where(f => f.CheckId == "CHECKER"), Is.Empty, "the checker could not finish");
        Assert.That(Leaks(results, "advanced-peripherals.lua"), Does.Contain("eventHooks.chat"));
        Assert.That(Leaks(results, "yellowbox.lua"), Has.Some.StartsWith("eventHooks.http_"));
    }

    [Test]
    public void EveryRealModule_OnTheStockImage_IsChecked_ToTheEnd()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_MODULES_DIR");
        var image = Environment.GetEnvironmentVariable("PHOENIX_ROOTFS_IMG");
        if (string.IsNullOrEmpty(dir) || string.IsNullOrEmpty(image))
        {
            Assert.Ignore("Did not run: set PHOENIX_MODULES_DIR (the real modules in lib/modules/) and PHOENIX_ROOTFS_IMG (the stock rootfs.img).");
        }
        var results = CheckAll(dir, SystemImage.Load(image));
        Assert.That(results.SelectMany(r => r.Findings).Where(f => f.CheckId == "CHECKER"), Is.Empty, "the checker could not finish");
    }

    private static IReadOnlyList<ModuleCheckResult> CheckAll(string dir, BootImage system)
    {
        var folder = Path.Combine(dir, "lib", "modules");
        var results = ModuleChecker.CheckAll(Directory.GetFiles(folder, "*.lua").Order(StringComparer.Ordinal).Select(ModuleSource.FromFile), system: system);
        foreach (var result in results)
        {
            TestContext.Out.WriteLine($"{Path.GetFileName(result.Module.DisplayPath)}: {(result.Clean ? "clean" : "not clean")}, {result.Findings.Count} finding(s)");
            foreach (var finding in result.Findings) TestContext.Out.WriteLine("  " + finding.ToString().Replace(folder + "/", "", StringComparison.Ordinal));
        }
        return results;
    }

    private static IEnumerable<string> Leaks(IReadOnlyList<ModuleCheckResult> results, string module) =>
        results.Single(r => Path.GetFileName(r.Module.DisplayPath) == module).Findings
            .Where(f => f.CheckId == "MOD-UNLOAD-REVERSES").Select(f => f.Path);
}
