using Phoenix.Conformance.Abstractions.Boot;

namespace Phoenix.CraftOS.Adapter;

/// <summary>Puts a kernel directory, a boot image, its metadata and the agent on a computer's disk.</summary>
public static class ImageInstaller
{
    public const string SyslogPath = "var/log/default.log";

    private const string InitPath = "/sbin/init.lua";

    public static void Install(CraftOsComputer computer, string kernelDirectory, BootImage image)
    {
        var disk = computer.FileSystem;
        foreach (var file in Directory.EnumerateFiles(kernelDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(kernelDirectory, file).Replace('\\', '/');
            disk.HostWrite("boot/" + relative, File.ReadAllBytes(file));
        }
        var entries = image.Entries.ToList();
        if (!entries.Any(e => e.Path == InitPath))
        {
            entries.Add(new BootEntry(InitPath, Agent(), "root",
                new Dictionary<string, AccessBits> { ["root"] = AccessBits.All }, AccessBits.ReadExecute));
        }
        foreach (var entry in entries)
        {
            if (entry.IsDirectory) disk.HostMakeDirectory(entry.Path);
            else disk.HostWrite(entry.Path, entry.Content!);
        }
        disk.HostWrite("meta.ltn", System.Text.Encoding.UTF8.GetBytes(MetaTree.Build(entries)));
    }

    /// <summary>The image's kernel arguments as "key=value", plus preemptive=false unless the image sets it:
    /// Phoenix 0.0.9 preempts with a Lua hook that yields, which stock Lua 5.4 refuses (craftos-host-notes §3.2).
    /// Other kernels ignore it.</summary>
    public static IReadOnlyList<string> KernelArguments(BootImage image)
    {
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["preemptive"] = "false" };
        foreach (var (key, value) in image.KernelArguments) arguments[key] = value;
        return arguments.Select(a => $"{a.Key}={a.Value}").ToArray();
    }

    private static byte[] Agent()
    {
        using var stream = typeof(ImageInstaller).Assembly.GetManifestResourceStream("Phoenix.CraftOS.Adapter.agent.lua")
            ?? throw new InvalidOperationException("Missing embedded resource agent.lua");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
