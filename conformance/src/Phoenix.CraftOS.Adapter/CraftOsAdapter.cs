using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.CraftOS.Adapter;

[assembly: KernelAdapter("craftos", typeof(CraftOsAdapter))]

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// <c>craftos:&lt;kernel directory&gt;</c>: boots the Lua kernel in that directory on a fresh headless CraftOS
/// computer for every boot image. The directory's files go to <c>/boot</c> (the entry point is
/// <c>/boot/kernel.lua</c>, run as the top-level coroutine with the kernel arguments as "key=value" varargs), the
/// image goes to the disk root with its owners and permissions in <c>/meta.ltn</c> (Phoenix's format), and the agent
/// becomes <c>/sbin/init.lua</c>. See README.md beside this file.
/// </summary>
public sealed class CraftOsAdapter : IKernelAdapter
{
    private readonly string? _kernelDirectory;

    /// <summary>Without a directory the adapter can be listed but not booted: use craftos:&lt;dir&gt;.</summary>
    public CraftOsAdapter()
    {
    }

    public CraftOsAdapter(string kernelDirectory)
        : this(kernelDirectory, new ComputerOptions())
    {
    }

    public CraftOsAdapter(string kernelDirectory, ComputerOptions options)
    {
        _kernelDirectory = Path.GetFullPath(kernelDirectory);
        Options = options;
    }

    public ComputerOptions Options { get; } = new();

    public string Name => _kernelDirectory is null ? "craftos" : $"craftos-{Path.GetFileName(_kernelDirectory.TrimEnd('/', '\\'))}";

    public string Version => $"CraftOS host 0.1 ({Options.Host}), kernel from {_kernelDirectory ?? "nowhere"}";

    public IKernel Boot(BootImage image)
    {
        if (_kernelDirectory is null) throw new KernelBootException("The craftos adapter needs a kernel directory: use craftos:<directory>.");
        if (image.Peripherals.Count > 0) throw new NotSupportedByAdapterException("Boot with peripherals");
        if (!File.Exists(Path.Combine(_kernelDirectory, "kernel.lua")))
        {
            throw new KernelBootException($"No kernel.lua in {_kernelDirectory}.");
        }
        var computer = new CraftOsComputer(Options);
        try
        {
            ImageInstaller.Install(computer, _kernelDirectory, image);
            var channel = new AgentChannel(computer);
            computer.Boot("boot/kernel.lua", ImageInstaller.KernelArguments(image));
            channel.WaitFor(0, "boot until the agent is ready");
            return new CraftOsKernel(computer, channel, ImageInstaller.SyslogPath);
        }
        catch (Exception e) when (e is KernelHostException or Filesystem.FsException or IOException)
        {
            computer.Dispose();
            throw new KernelBootException($"The kernel in {_kernelDirectory} did not boot: {e.Message}", e);
        }
    }
}
