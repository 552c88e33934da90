using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;
using Phoenix.ReferenceKernel.Adapter;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.Conformance.Tests.CraftOs;

/// <summary>
/// Phoenix 0.0.9's stock system image (tablefs, PHOENIX_ROOTFS_IMG) boots on the CraftOS host with Phoenix 0.0.9
/// (PHOENIX_KERNEL_DIR), and the image's modules come out as on the reference kernel: the same ones load, and each
/// that does not fails with the same first error line. The image's own init and /boot give way to the agent and the
/// kernel under test. Phoenix's code and image stay out of the repository, so without both variables the test says
/// it did not run.
/// </summary>
public class StockImageTests
{
    [Test]
    public void StockImage_BootsOnTheHost_AndItsModulesComeOutAsOnTheReferenceKernel()
    {
        var imagePath = Environment.GetEnvironmentVariable("PHOENIX_ROOTFS_IMG");
        var kernelDir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(imagePath) || string.IsNullOrEmpty(kernelDir))
        {
            Assert.Ignore("Did not run: set PHOENIX_ROOTFS_IMG (Phoenix's stock rootfs.img) and PHOENIX_KERNEL_DIR (Phoenix 0.0.9's kernel directory).");
        }
        var stock = ContractMapping.ToContract(TableFsImage.ReadFile(imagePath).Image);
        var image = stock with { Entries = [.. stock.Entries.Where(e => e.Path != "/sbin/init.lua" && e.Path != "/boot" && !e.Path.StartsWith("/boot/", StringComparison.Ordinal))] };
        var modules = image.Entries
            .Where(e => !e.IsDirectory && e.Path.StartsWith("/lib/modules/", StringComparison.Ordinal) && e.Path.EndsWith(".lua", StringComparison.Ordinal) && e.Path.Count(c => c == '/') == 3)
            .Select(e => e.Path["/lib/modules/".Length..^".lua".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.That(modules, Is.Not.Empty, "the image has no modules in /lib/modules");

        string onHost, onReference;
        using (var host = new CraftOsAdapter(kernelDir).Boot(image)) onHost = Report(host, modules);
        using (var reference = new ReferenceKernelAdapter().Boot(image)) onReference = Report(reference, modules);
        TestContext.Out.WriteLine($"CraftOS host, Phoenix 0.0.9:\n{onHost}\nreference kernel:\n{onReference}");
        Assert.That(onHost, Is.EqualTo(onReference));
    }

    /// <summary>Per module: "loads", or the first line of the first error-level syslog entry that names it.</summary>
    private static string Report(IKernel kernel, IReadOnlyList<string> modules)
    {
        var result = kernel.Syscall("root", "listmodules");
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        var loaded = (result.Values is [LuaTable list, ..] ? list.Array.Concat(list.Hash.Select(kv => kv.Value)) : [])
            .OfType<LuaString>().Select(v => v.Text).ToHashSet(StringComparer.Ordinal);
        var log = kernel.ReadSyslog();
        return string.Join("\n", modules.Select(name => loaded.Contains(name)
            ? $"{name}: loads"
            : $"{name}: does not load: " + (log.Where(e => e.Level >= SyslogLevel.Error && e.Message.Contains(name, StringComparison.Ordinal))
                .Select(e => e.Message.Split('\n')[0]).FirstOrDefault() ?? "(no error logged)")));
    }
}
