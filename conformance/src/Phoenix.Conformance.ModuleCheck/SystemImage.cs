using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>
/// The system a module is checked on (<c>check-module --system</c>): a folder laid out as a Phoenix root (lib/,
/// usr/lib/, etc/ …, every file root-owned) or a tablefs image such as the docs repository's packages/rootfs.img, so
/// the libraries a module requires are there. Its own /lib/modules is left out for check-module (only the checked
/// module loads); <c>compare</c> keeps it (<c>keepModules</c>), to boot the system as it ships.
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
        return keepModules ? image : image with { Entries = [.. image.Entries.Where(e => !e.Path.StartsWith("/lib/modules/", StringComparison.Ordinal))] };
    }
}
