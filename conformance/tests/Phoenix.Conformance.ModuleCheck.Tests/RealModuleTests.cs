namespace Phoenix.Conformance.ModuleCheck.Tests;

/// <summary>
/// The public Phoenix kernel modules (advanced-peripherals, gfxterm, compressfs, encryptfs, fuse, luz, spanfs,
/// yellowbox), from the folder PHOENIX_MODULES_DIR names (holding lib/modules/*.lua): their code is not ours and never
/// enters the repository. Prints what the checker reports for each; the checker must finish every module.
/// </summary>
public class RealModuleTests
{
    [Test]
    public void EveryRealModule_IsChecked_ToTheEnd()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_MODULES_DIR");
        if (string.IsNullOrEmpty(dir))
        {
            Assert.Ignore("Did not run: set PHOENIX_MODULES_DIR to a folder holding the real modules in lib/modules/ (see conformance/src/Phoenix.Conformance.ModuleCheck/README.md).");
        }
        var folder = Path.Combine(dir, "lib", "modules");
        var results = ModuleChecker.CheckAll(Directory.GetFiles(folder, "*.lua").Order(StringComparer.Ordinal).Select(ModuleSource.FromFile));
        foreach (var result in results)
        {
            TestContext.Out.WriteLine($"{Path.GetFileName(result.Module.DisplayPath)}: {(result.Clean ? "clean" : result.Findings.Count + " finding(s)")}");
            foreach (var finding in result.Findings) TestContext.Out.WriteLine("  " + finding.ToString().Replace(folder + "/", "", StringComparison.Ordinal));
        }
        Assert.That(results.SelectMany(r => r.Findings).Where(f => f.CheckId == "CHECKER"), Is.Empty, "the checker could not finish");
    }
}
