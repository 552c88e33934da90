using Phoenix.Common;
using Phoenix.Conformance.Abstractions.Boot;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Puts a kernel directory, a boot image, its metadata and the agent on a computer's disk, in Phoenix's layout: the
/// kernel's root filesystem is the computer's directory <c>/root</c> (Phoenix's default <c>root</c> argument, which
/// its loader reads before it parses arguments), the kernel directory is its <c>/boot</c>, and <c>/meta.ltn</c> sits
/// at the computer's root, keyed by the computer's paths (facts §4.9).
/// </summary>
public static class ImageInstaller
{
    /// <summary>The computer's directory that holds the kernel's root filesystem.</summary>
    public const string RootDirectory = "root";

    /// <summary>The kernel's entry point on the computer's disk.</summary>
    public const string KernelPath = RootDirectory + "/boot/kernel.lua";

    public const string SyslogPath = RootDirectory + "/var/log/default.log";

    private const string InitPath = "/sbin/init.lua";

    /// <summary>The host port's file as the kernel sees it (the agent opens it: agent.lua's PORT), readable by root
    /// only.</summary>
    private const string KernelPortPath = "/sbin/init.port";

    /// <summary>The host port's file on the computer's disk (<see cref="ComputerOptions.PortPath"/>).</summary>
    public const string PortPath = RootDirectory + KernelPortPath;

    public static void Install(CraftOsComputer computer, string kernelDirectory, BootImage image)
    {
        var disk = computer.FileSystem;
        foreach (var file in Directory.EnumerateFiles(kernelDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(kernelDirectory, file).Replace('\\', '/');
            // A checkout's own metadata (.git and the like) is not part of the kernel.
            if (relative.StartsWith('.') || relative.Contains("/.", StringComparison.Ordinal)) continue;
            disk.HostWrite(RootDirectory + "/boot/" + relative, File.ReadAllBytes(file));
        }
        var entries = image.Entries.ToList();
        if (!entries.Any(e => e.Path == InitPath))
        {
            entries.Add(new BootEntry(InitPath, Agent(), "root",
                new Dictionary<string, AccessBits> { ["root"] = AccessBits.All }, AccessBits.ReadExecute));
        }
        if (!entries.Any(e => e.Path == KernelPortPath))
        {
            entries.Add(new BootEntry(KernelPortPath, [], "root",
                new Dictionary<string, AccessBits> { ["root"] = AccessBits.All }, AccessBits.None));
        }
        var onDisk = entries.Select(e => e with { Path = "/" + RootDirectory + e.Path }).ToList();
        foreach (var entry in onDisk)
        {
            if (entry.IsDirectory) disk.HostMakeDirectory(entry.Path);
            else disk.HostWrite(entry.Path, entry.Content!);
        }
        disk.HostWrite("meta.ltn", System.Text.Encoding.UTF8.GetBytes(MetaTree.Build(onDisk)));
    }

    /// <summary>The image's kernel arguments as "key=value"; with <paramref name="cooperative"/>, plus
    /// preemptive=false unless the image sets it (Phoenix then runs each process until it yields). Without it, Phoenix
    /// preempts as shipped: its count hook yields, which the engine's yielding count hooks do on its behalf.</summary>
    public static IReadOnlyList<string> KernelArguments(BootImage image, bool cooperative = false)
    {
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (cooperative) arguments["preemptive"] = "false";
        foreach (var (key, value) in image.KernelArguments) arguments[key] = value;
        return arguments.Select(a => $"{a.Key}={a.Value}").ToArray();
    }

    private static byte[] Agent() => EmbeddedResource.Bytes(typeof(ImageInstaller).Assembly, "Phoenix.CraftOS.Adapter.agent.lua");
}
