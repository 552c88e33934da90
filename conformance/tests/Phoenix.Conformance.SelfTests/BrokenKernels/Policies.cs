using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Module policies with one wrong decision each.</summary>
internal static class Policies
{
    /// <summary>Boot loads nothing.</summary>
    public sealed class NoBootModules : ModulePolicy
    {
        public override IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs) => [];
    }

    /// <summary>Boot walks subdirectories too.</summary>
    public sealed class RecursiveBootScan : ModulePolicy
    {
        public override IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs) => Walk(fs, ModuleDirectory).ToArray();

        private static IEnumerable<string> Walk(MemoryFileSystem fs, string directory) =>
            (fs.List(directory) ?? []).SelectMany(name =>
            {
                var path = directory + "/" + name;
                return fs.Find(path) is { IsDirectory: true } ? Walk(fs, path) : [path];
            });
    }

    /// <summary>Boot loads in reverse order.</summary>
    public sealed class ReverseBootOrder : ModulePolicy
    {
        public override IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs) => base.BootModulePaths(fs)?.Reverse().ToArray();
    }

    /// <summary>Boot loads only *.lua files.</summary>
    public sealed class LuaExtensionOnly : ModulePolicy
    {
        public override IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs) =>
            base.BootModulePaths(fs)?.Where(p => p.EndsWith(".lua", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Trusts any owner.</summary>
    public sealed class IgnoresOwner : ModulePolicy
    {
        public override bool IsTrusted(FsNode file) => !file.WorldPermissions.Write;
    }

    /// <summary>Trusts any owner whose name starts with "root" (caught by the generated near-miss owners).</summary>
    public sealed class OwnerPrefixMatch : ModulePolicy
    {
        public override bool IsTrusted(FsNode file) => file.Owner.StartsWith("root", StringComparison.Ordinal) && !file.WorldPermissions.Write;
    }

    /// <summary>Ignores the world write bit.</summary>
    public sealed class IgnoresWorldWrite : ModulePolicy
    {
        public override bool IsTrusted(FsNode file) => file.Owner == "root";
    }

    /// <summary>Looks at the wrong permission entry: the owner's write bit is never set for others, so world-writable
    /// files get through when a per-user entry hides world permissions.</summary>
    public sealed class ChecksEffectiveWriteOfOthers : ModulePolicy
    {
        public override bool IsTrusted(FsNode file) =>
            file.Owner == "root" && !(file.WorldPermissions.Write && !file.Permissions.Keys.Any(u => u != "root"));
    }

    /// <summary>Names modules by the whole file name minus its last extension.</summary>
    public sealed class NameWithoutLastExtension : ModulePolicy
    {
        public override string? DeriveName(string path) => Path.GetFileNameWithoutExtension(LastComponent(path));
    }
}
