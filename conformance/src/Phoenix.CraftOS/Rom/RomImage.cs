using Phoenix.Common;
using Phoenix.CraftOS.Filesystem;

namespace Phoenix.CraftOS.Rom;

/// <summary>
/// The computer's read-only <c>/rom</c>. By default it is ours (this folder's Lua files): clean-room versions of the
/// ROM APIs kernels read at boot, written from CC: Tweaked's documentation, because CC:T's own ROM is under a licence
/// that forbids use outside the game. A user who owns a CC:T ROM may mount it instead
/// (<see cref="ComputerOptions.RomDirectory"/>); the craftos adapter then names it in its version.
/// </summary>
public static class RomImage
{
    /// <summary>What the built-in ROM holds, for reports.</summary>
    public const string BuiltIn = "built-in clean-room ROM (cc.expect, textutils, keys)";

    private const string Prefix = "Phoenix.CraftOS.rom/";

    /// <summary>The built-in ROM's files: path under /rom → bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> BuiltInFiles()
    {
        var assembly = typeof(RomImage).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), n => EmbeddedResource.Bytes(assembly, n), StringComparer.Ordinal);
    }

    /// <summary>Fills <c>/rom</c>: from <paramref name="directory"/> (every file, folders kept; dot files too, a ROM
    /// has none that matter) when given, else the built-in files.</summary>
    public static void Install(MemoryFileSystem disk, string? directory)
    {
        disk.HostMakeDirectory("rom");
        if (directory is null)
        {
            foreach (var (path, bytes) in BuiltInFiles()) disk.HostWrite("rom/" + path, bytes);
            return;
        }
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no such ROM directory '{directory}'");
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            disk.HostWrite("rom/" + Path.GetRelativePath(directory, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }
    }
}
