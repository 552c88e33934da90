using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;

[assembly: KernelAdapter("craftos", typeof(CraftOsAdapter))]

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// <c>craftos:&lt;kernel directory&gt;</c>: boots the Lua kernel in that directory on a fresh headless CraftOS
/// computer for every boot image, in Phoenix's layout (<see cref="ImageInstaller"/>): the image is the kernel's root
/// filesystem under the computer's <c>/root</c>, the directory's files go to its <c>/boot</c> (the entry point
/// <c>/root/boot/kernel.lua</c> runs as the top-level coroutine with the kernel arguments as "key=value" varargs),
/// owners and permissions go to <c>/meta.ltn</c> (Phoenix's format), and the agent becomes <c>/sbin/init.lua</c>.
/// See README.md beside this file.
/// </summary>
public sealed class CraftOsAdapter : IKernelAdapter
{
    private readonly string? _kernelDirectory;

    /// <summary>Without a directory the adapter can be listed but not booted: use craftos:&lt;dir&gt;.</summary>
    public CraftOsAdapter()
    {
    }

    /// <summary>The registry's constructor: <paramref name="argument"/> is a kernel directory with optional
    /// <c>?rom=&lt;dir&gt;</c> and <c>?trusted</c> (<see cref="AdapterSpec"/>).</summary>
    public CraftOsAdapter(string argument)
        : this(AdapterSpec.Parse(argument))
    {
    }

    private CraftOsAdapter(AdapterSpec spec)
        : this(spec.KernelDirectory, new ComputerOptions { RomDirectory = spec.RomDirectory, TrustedBinaryChunks = spec.Trusted })
    {
        Cooperative = spec.Cooperative;
    }

    /// <summary>Boots kernels with <c>preemptive=false</c> (<c>?cooperative</c>). By default Phoenix preempts its
    /// processes as shipped, through the engine's yielding count hooks.</summary>
    public bool Cooperative { get; init; }

    public CraftOsAdapter(string kernelDirectory, ComputerOptions options)
    {
        // Refused here, before any rule runs, rather than as the same boot error in every rule.
        if (!File.Exists(Path.Combine(kernelDirectory, "kernel.lua")))
        {
            throw new ArgumentException(Directory.Exists(kernelDirectory)
                ? $"no kernel.lua in '{kernelDirectory}'"
                : $"no such kernel directory '{kernelDirectory}'");
        }
        if (options.RomDirectory is { } rom && !Directory.Exists(rom)) throw new ArgumentException($"no such ROM directory '{rom}'");
        _kernelDirectory = Path.GetFullPath(kernelDirectory);
        Options = (options.RomDirectory is null ? options : options with { RomDirectory = Path.GetFullPath(options.RomDirectory) })
            with { PortPath = options.PortPath ?? ImageInstaller.PortPath };
    }

    public ComputerOptions Options { get; } = new();

    /// <summary>"craftos-&lt;kernel&gt;-&lt;version&gt;" as the kernel says of itself (<see cref="KernelName"/>): it names the
    /// report and the default output folder, whatever the kernel's folder is called.</summary>
    public string Name => _kernelDirectory is null ? "craftos" : $"craftos-{KernelName}";

    /// <summary>Names the kernel by its content, not by where it lies: reports are committed and compared across
    /// machines, and a path says nothing about which kernel ran.</summary>
    /// <summary>Also says which /rom ran and whether bytecode was allowed: both change what a kernel can do.</summary>
    public string Version => _version ??= $"CraftOS host 0.1 ({Options.Host}; {RomDescription}{(Options.TrustedBinaryChunks ? "; trusted: binary chunks allowed" : "")}{(Cooperative ? "; cooperative: preemptive=false" : "")}), kernel {(_kernelDirectory is null ? "none" : $"{KernelName}, {KernelIdentity.Of(_kernelDirectory)}")}";

    /// <summary>
    /// The kernel's name and version as it says them itself, read from its globals after it boots an empty image:
    /// <c>KERNEL_NAME</c> and <c>KERNEL_VERSION</c>, or Phoenix's <c>PHOENIX_VERSION</c> ("phoenix-0.0.9"). A kernel
    /// that says neither, or does not boot, is named by its folder.
    /// </summary>
    public string KernelName => _kernelName ??= SelfDescribedName() ?? FolderName;

    private string FolderName => Path.GetFileName(_kernelDirectory!.TrimEnd('/', '\\'));

    private string? _kernelName;

    private string? SelfDescribedName()
    {
        try
        {
            using var kernel = (CraftOsKernel)Boot(BootImage.Empty);
            _bootsEmptyImage = true;
            var said = kernel.Computer.ReadGlobals("KERNEL_NAME", "KERNEL_VERSION", "PHOENIX_VERSION");
            var version = said[1] as LuaString ?? said[2] as LuaString;
            var name = said[0] as LuaString ?? (said[2] is LuaString ? LuaString.From("phoenix") : null);
            if (name is null) return null;
            return KernelIdentity.FolderSafe(version is null ? name.Text : $"{name.Text}-{version.Text}");
        }
        catch (Exception e) when (e is KernelBootException or KernelStoppedException or KernelHostException)
        {
            return null;
        }
    }

    private string RomDescription => Options.RomDirectory is { } rom ? $"ROM {KernelIdentity.Of(rom)}" : Rom.RomImage.BuiltIn;

    private string? _version;

    private bool? _bootsEmptyImage;

    public IKernel Boot(BootImage image)
    {
        if (_kernelDirectory is null) throw new KernelBootException("The craftos adapter needs a kernel directory: use craftos:<directory>.");
        if (!File.Exists(Path.Combine(_kernelDirectory, "kernel.lua")))
        {
            throw new KernelBootException($"No kernel.lua in {_kernelDirectory}.");
        }
        var computer = new CraftOsComputer(Options);
        // Before the kernel boots, so it finds them when it probes the sides, without attach events.
        computer.Peripherals.AttachAll(image.Peripherals.Select(PeripheralMapping.ToSimulation));
        try
        {
            ImageInstaller.Install(computer, _kernelDirectory, image);
            var channel = new AgentChannel(computer, () => CraftOsKernel.LastWords(computer, ImageInstaller.SyslogPath));
            // Only the first resume here: the agent channel pumps events until the agent is ready. A kernel with a
            // timer always pending (Phoenix) never goes idle, so pumping "until idle" would run to the resume limit.
            computer.Boot(ImageInstaller.KernelPath, ImageInstaller.KernelArguments(image, Cooperative), maxResumes: 0);
            // Off before it ever ran: no kernel there, or it does not compile. That is the setup, not this image.
            if (computer.State == ComputerState.Off && computer.Resumes == 0) throw new KernelHostException(computer.StopReason ?? "it never started");
            channel.WaitUntilReady();
            return new CraftOsKernel(computer, channel, ImageInstaller.SyslogPath);
        }
        catch (Exception e) when (e is KernelHostException or Filesystem.FsException or IOException)
        {
            computer.Dispose();
            throw new KernelBootException($"The kernel in {_kernelDirectory} did not boot: {e.Message}", e);
        }
        catch (KernelStoppedException stopped)
        {
            var missing = computer.FailedOpens.Count > 0 ? $" (files it could not open: {string.Join("; ", computer.FailedOpens)})" : "";
            computer.Dispose();
            // A kernel that cannot boot even an empty image is unusable here: every rule would fail for one reason.
            if (!IsEmpty(image) && BootsEmptyImage()) throw;
            var first = stopped.Message.Split('\n')[0];
            throw new KernelBootException($"The kernel in {_kernelDirectory} does not boot even an empty image: {first}{missing}\n{stopped.Message}", stopped);
        }
    }

    private static bool IsEmpty(BootImage image) =>
        image.Entries.Count == 0 && image.Peripherals.Count == 0 && image.KernelArguments.Count == 0;

    private bool BootsEmptyImage()
    {
        if (_bootsEmptyImage is { } known) return known;
        try
        {
            Boot(BootImage.Empty).Dispose();
            _bootsEmptyImage = true;
        }
        catch (Exception e) when (e is KernelBootException or KernelStoppedException)
        {
            _bootsEmptyImage = false;
        }
        return _bootsEmptyImage.Value;
    }
}
