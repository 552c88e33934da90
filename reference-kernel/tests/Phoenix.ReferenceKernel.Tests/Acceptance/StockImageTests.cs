using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.ReferenceKernel.Tests.Acceptance;

/// <summary>
/// Reads Phoenix 0.0.9's stock system image when PHOENIX_ROOTFS_IMG names it (the docs repository's
/// packages/rootfs.img, a tablefs image), boots the reference kernel from it and reports which of its kernel modules
/// load, with the first error line of each that does not. The image never enters this repository, so without the
/// variable this test says it did not run.
/// </summary>
public class StockImageTests
{
    private const string Variable = "PHOENIX_ROOTFS_IMG";

    [Test]
    public void StockImage_Booted_ReportsWhichModulesLoad()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path)) Assert.Ignore($"Did not run: set {Variable} to a tablefs image (Phoenix's packages/rootfs.img).");
        var (image, skipped) = TableFsImage.ReadFile(path);
        using var kernel = ReferenceKernel.Boot(image);
        var names = image.Entries.Where(e => !e.IsDirectory && e.Path.StartsWith("/lib/modules/", StringComparison.Ordinal) && e.Path.LastIndexOf('/') == "/lib/modules".Length)
            .Select(e => Path.GetFileNameWithoutExtension(e.Path)).Order(StringComparer.Ordinal).ToArray();
        var report = ModuleReport.Of(kernel, names);
        TestContext.Out.WriteLine($"{image.Entries.Count} entries read, {skipped.Count} skipped: {string.Join("; ", skipped)}");
        TestContext.Out.WriteLine(report);
        Assert.Pass(report);
    }
}
