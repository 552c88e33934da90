// Clauses: none (the adapter seam: the contract's boot image onto the kernel's)
// Mirrors: no Phoenix part

using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Vfs;
using Contract = Phoenix.Conformance.Abstractions.Boot;

namespace Phoenix.ReferenceKernel.Adapter;

public static partial class ContractMapping
{
    /// <summary>The same files, kernel arguments and peripherals, in the same order. The contract's image was
    /// validated as it was built, so this copies without checking again.</summary>
    public static BootImage ToKernel(Contract.BootImage image) => BootImage.Empty with
    {
        Entries = image.Entries.Select(ToKernel).ToArray(),
        KernelArguments = new Dictionary<string, string>(image.KernelArguments),
        Peripherals = image.Peripherals.Select(ToKernel).ToArray(),
    };

    /// <summary>The other way, for images the kernel's tools read (a tablefs image, a system folder) that any adapter
    /// boots (<c>compare</c>).</summary>
    public static Contract.BootImage ToContract(BootImage image) => Contract.BootImage.Empty with
    {
        Entries = image.Entries.Select(ToContract).ToArray(),
        KernelArguments = new Dictionary<string, string>(image.KernelArguments),
        Peripherals = image.Peripherals.Select(ToContract).ToArray(),
    };

    public static BootEntry ToKernel(Contract.BootEntry entry) =>
        new(entry.Path, entry.Content, entry.Owner,
            entry.Permissions.ToDictionary(p => p.Key, p => ToKernel(p.Value), StringComparer.Ordinal),
            ToKernel(entry.WorldPermissions));

    public static Contract.BootEntry ToContract(BootEntry entry) =>
        new(entry.Path, entry.Content, entry.Owner,
            entry.Permissions.ToDictionary(p => p.Key, p => ToContract(p.Value), StringComparer.Ordinal),
            ToContract(entry.WorldPermissions));

    public static AccessBits ToKernel(Contract.AccessBits bits) => new(bits.Read, bits.Write, bits.Execute);

    public static Contract.AccessBits ToContract(AccessBits bits) => new(bits.Read, bits.Write, bits.Execute);
}
