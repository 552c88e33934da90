using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>Reports name a kernel by its content: the same files give the same identity wherever they lie, a changed
/// file changes it, and no machine path appears.</summary>
public class KernelIdentityTests
{
    [Test]
    public void SameKernelInTwoPlaces_HasOneIdentity_AndAChangedFileAnother()
    {
        var (a, b) = (Copy("kernel"), Copy("kernel"));
        try
        {
            Assert.That(KernelIdentity.Of(a), Is.EqualTo(KernelIdentity.Of(b)));
            Assert.That(KernelIdentity.Of(a), Does.StartWith("kernel sha256:").And.Not.Contain(Path.GetTempPath().TrimEnd('/')));
            File.AppendAllText(Path.Combine(b, "kernel.lua"), "\n-- changed\n");
            Assert.That(KernelIdentity.Of(a), Is.Not.EqualTo(KernelIdentity.Of(b)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(a)!, recursive: true);
            Directory.Delete(Path.GetDirectoryName(b)!, recursive: true);
        }
    }

    [Test]
    public void AdapterVersion_NamesTheKernelByContent_NotByPath()
    {
        var adapter = new CraftOsAdapter(RepositoryPaths.TinyKernel);
        Assert.That(adapter.Version, Does.Contain("kernel tiny-0.1.0, tiny sha256:").And.Not.Contain(RepositoryPaths.Root));
    }

    /// <summary>The report and its default folder are named by what the kernel says it is, not by its folder.</summary>
    [Test]
    public void AdapterName_IsWhatTheKernelSaysItIs_NotItsFolder()
    {
        var dir = Copy("some-checkout");
        try
        {
            Assert.That(new CraftOsAdapter(dir).Name, Is.EqualTo("craftos-tiny-0.1.0"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [Test]
    public void AdapterName_OfAKernelThatSaysNothing_IsItsFolder()
    {
        var dir = Copy("quiet-kernel");
        try
        {
            var kernel = Path.Combine(dir, "kernel.lua");
            File.WriteAllText(kernel, File.ReadAllText(kernel)
                .Replace("KERNEL_NAME, KERNEL_VERSION = \"tiny\", VERSION", "", StringComparison.Ordinal)
                .Replace("PHOENIX_VERSION = VERSION", "", StringComparison.Ordinal));
            Assert.That(new CraftOsAdapter(dir).Name, Is.EqualTo("craftos-quiet-kernel"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    [Test]
    public void Phoenix_IsNamedByItsPhoenixVersion()
    {
        var phoenix = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(phoenix)) Assert.Ignore("Did not run: set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d).");
        var version = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(phoenix, "kernel.lua")), "PHOENIX_VERSION = \"([^\"]+)\"").Groups[1].Value;
        Assert.That(new CraftOsAdapter(phoenix).Name, Is.EqualTo($"craftos-phoenix-{version}"));
    }

    [TestCase("Phoenix", "phoenix")]
    [TestCase("My Kernel/1.0 beta", "my-kernel-1.0-beta")]
    [TestCase("../..", "kernel")]
    public void FolderSafe_KeepsOneHarmlessFolderName(string said, string folder) =>
        Assert.That(KernelIdentity.FolderSafe(said), Is.EqualTo(folder));

    private static string Copy(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"identity-{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(RepositoryPaths.TinyKernel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(RepositoryPaths.TinyKernel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }
}
