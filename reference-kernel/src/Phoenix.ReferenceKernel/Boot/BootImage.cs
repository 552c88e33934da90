// Clauses: MOD-AUTOLOAD, DRV-BIND-BOOT (what a boot starts from: /lib/modules, peripherals present at boot)
// Mirrors: a ComputerCraft computer at power-on (its disk, the kernel arguments, attached peripherals)

using System.Text;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Boot;

/// <summary>
/// Everything the reference kernel is booted from: files and directories with owners and permissions, kernel
/// arguments, and the simulated peripherals present at boot. The kernel's own; the adapter maps the contract's
/// <c>BootImage</c> onto it (ContractMapping), and tools that run the kernel directly (ModuleCheck, TableFsImage)
/// build it. Parent directories are implied (owned by root, <c>rwx</c> for root, world <c>r-x</c>), so an image names only what
/// a rule cares about. Images are immutable; the <c>With…</c> methods return new ones.
/// </summary>
public sealed record BootImage
{
    public static readonly BootImage Empty = new();

    public IReadOnlyList<BootEntry> Entries { get; init; } = [];

    public IReadOnlyDictionary<string, string> KernelArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Peripherals attached when the computer starts (DRV-BIND-BOOT).</summary>
    public IReadOnlyList<PeripheralSpec> Peripherals { get; init; } = [];

    /// <summary>Adds a file. Defaults follow Phoenix's for a path without metadata: owner root, root rwx, world r-x.</summary>
    public BootImage WithFile(string path, string content, string owner = "root", string world = "r-x",
        IReadOnlyDictionary<string, AccessBits>? permissions = null) =>
        WithFile(path, Encoding.UTF8.GetBytes(content), owner, world, permissions);

    public BootImage WithFile(string path, byte[] content, string owner = "root", string world = "r-x",
        IReadOnlyDictionary<string, AccessBits>? permissions = null) =>
        With(new BootEntry(path, content, owner, permissions ?? DefaultPermissions(owner), AccessBits.Parse(world)));

    public BootImage WithDirectory(string path, string owner = "root", string world = "r-x") =>
        With(new BootEntry(path, null, owner, DefaultPermissions(owner), AccessBits.Parse(world)));

    public BootImage WithKernelArgument(string key, string value) =>
        this with { KernelArguments = new Dictionary<string, string>(KernelArguments) { [key] = value } };

    /// <summary>Adds a peripheral present at boot, replacing one of the same name.</summary>
    public BootImage WithPeripheral(PeripheralSpec peripheral)
    {
        peripheral.Validate();
        return this with { Peripherals = [.. Peripherals.Where(p => p.Name != peripheral.Name), peripheral] };
    }

    private BootImage With(BootEntry entry)
    {
        if (!entry.Path.StartsWith('/'))
        {
            throw new ArgumentException($"Boot image paths are absolute; got '{entry.Path}'.", nameof(entry));
        }
        return this with { Entries = [.. Entries.Where(e => e.Path != entry.Path), entry] };
    }

    private static Dictionary<string, AccessBits> DefaultPermissions(string owner) => new() { [owner] = AccessBits.All };
}
