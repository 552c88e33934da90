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
        Assert.That(adapter.Version, Does.Contain("kernel tiny sha256:").And.Not.Contain(RepositoryPaths.Root));
    }

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
