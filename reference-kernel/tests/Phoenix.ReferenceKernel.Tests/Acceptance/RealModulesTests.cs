using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.ReferenceKernel.Tests.Acceptance;

/// <summary>
/// Boots the real public Phoenix kernel modules on the reference kernel when PHOENIX_MODULES_DIR names a folder
/// holding them as a Phoenix system does (lib/modules/*.lua, and the libraries they load from lib/, for example a
/// package extraction such as /tmp/phoenix-modules). Module code never enters this repository (licences differ), so
/// without the variable this test says it did not run. It reports which modules load and the first error line of
/// each that does not; gfxterm refuses without a CraftOS-PC graphics terminal, as it does on Phoenix.
/// </summary>
public class RealModulesTests
{
    private const string Variable = "PHOENIX_MODULES_DIR";

    private static string ModulesDirectory()
    {
        var dir = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(dir)) Assert.Ignore($"Did not run: set {Variable} to a folder holding lib/modules/*.lua (the real Phoenix kernel modules).");
        if (!Directory.Exists(Path.Combine(dir, "lib", "modules"))) Assert.Fail($"{Variable}={dir} holds no lib/modules folder.");
        return dir;
    }

    /// <summary>Every file under the folder, at the same path in the image, root-owned and not world-writable (the
    /// permissions Phoenix's package manager gives them).</summary>
    private static BootImage ImageOf(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Aggregate(BootImage.Empty, (image, file) =>
                image.WithFile("/" + Path.GetRelativePath(dir, file).Replace('\\', '/'), File.ReadAllBytes(file)));

    [Test]
    public void RealModules_AtBoot_ReportWhichLoad()
    {
        var dir = ModulesDirectory();
        using var kernel = ReferenceKernel.Boot(ImageOf(dir));
        var names = Directory.EnumerateFiles(Path.Combine(dir, "lib", "modules"), "*.lua")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();
        var report = ModuleReport.Of(kernel, names);
        TestContext.Out.WriteLine(report);
        Assert.Pass(report);
    }

    /// <summary>The folder's files over Phoenix 0.0.9's stock image (PHOENIX_ROOTFS_IMG too): the modules with the
    /// libraries a Phoenix system has (ccryptolib, which encryptfs requires at load, is in the image).</summary>
    [Test]
    public void RealModules_OnTheStockImage_ReportWhichLoad()
    {
        var dir = ModulesDirectory();
        var imagePath = Environment.GetEnvironmentVariable("PHOENIX_ROOTFS_IMG");
        if (string.IsNullOrEmpty(imagePath)) Assert.Ignore("Did not run: set PHOENIX_ROOTFS_IMG too (Phoenix's packages/rootfs.img) to load the modules over the stock image.");
        var stock = Phoenix.ReferenceKernel.Boot.TableFsImage.ReadFile(imagePath).Image;
        var image = ImageOf(dir).Entries.Aggregate(stock, (acc, entry) => acc with { Entries = [.. acc.Entries.Where(e => e.Path != entry.Path), entry] });
        using var kernel = ReferenceKernel.Boot(image);
        var names = Directory.EnumerateFiles(Path.Combine(dir, "lib", "modules"), "*.lua")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();
        var report = ModuleReport.Of(kernel, names);
        TestContext.Out.WriteLine(report);
        Assert.Pass(report);
    }
}
