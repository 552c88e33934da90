using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>
/// The system a module is checked on (<c>check-module --system</c>): a folder laid out as a Phoenix root (lib/,
/// usr/lib/, etc/ …, every file root-owned) or a tablefs image such as the docs repository's packages/rootfs.img, so
/// the libraries a module requires are there. Its own /lib/modules is left out for check-module (only the checked
/// module loads); <c>compare</c> keeps it (<c>keepModules</c>), to boot the system as it ships. Its init and /boot
/// are always left out: the kernel under test boots it.
/// </summary>
public static class SystemImage
{
    public static BootImage Load(string path, bool keepModules = false)
    {
        BootImage image;
        if (Directory.Exists(path))
        {
            image = BootImage.Empty;
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                image = image.WithFile("/" + Path.GetRelativePath(path, file).Replace('\\', '/'), File.ReadAllBytes(file));
            }
        }
        else if (File.Exists(path))
        {
            try
            {
                image = TableFsImage.Read(File.ReadAllBytes(path)).Image;
            }
            catch (InvalidDataException e)
            {
                throw new ArgumentException($"{path} is neither a folder nor a tablefs image: {e.Message}", nameof(path), e);
            }
        }
        else
        {
            throw new ArgumentException($"no such folder or image: {path}", nameof(path));
        }
        // The system's own init and kernel (/sbin/init.lua, /boot) give way to the kernel under test and its adapter's
        // agent: a stock image's init would start a login shell where the adapter expects its agent.
        return image with
        {
            Entries = [.. image.Entries.Where(e => (keepModules || !e.Path.StartsWith("/lib/modules/", StringComparison.Ordinal))
                && e.Path != "/sbin/init.lua" && e.Path != "/boot" && !e.Path.StartsWith("/boot/", StringComparison.Ordinal))],
        };
    }
}
