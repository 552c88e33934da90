using Phoenix.ReferenceKernel;
using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the ADVISORY clauses: each follows the page's letter but leaves one way in for an
/// unprivileged user, as a kernel written from the page alone would.</summary>
internal static class AdvisoryDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        new("letter-only-module-check", "ADV-MOD-USER-WRITABLE", "trusts any root-owned module file that is not world-writable, whoever else may write it",
            new KernelOptions { ModulePolicy = new LetterOnly() }),
        new("grant-check-at-boot-only", "ADV-MOD-CHOWN-TO-ROOT", "skips user-writable files in the boot scan, but loadmodule checks only the page's two conditions",
            new KernelOptions { ModulePolicy = new GrantCheckedAtBootOnly() }),
        BrokenKernel.Patched("kernel-tables-for-users", "ADV-USER-HANDLE-COPIES", "user code gets the kernel's own process and thread tables",
            "kernel.toUser = function(...) return ... end"),
        BrokenKernel.Patched("keeps-user-metatables", "ADV-USER-FOREIGN-METAMETHODS", "tables from user code reach modules, and so other users, with their metatables",
            "kernel.fromUser = function(...) return ... end"),
    ];

    /// <summary>Owner root and not world-writable, exactly as the page words it.</summary>
    private sealed class LetterOnly : ModulePolicy
    {
        public override bool IsTrusted(FsNode file) => file.Owner == "root" && !file.WorldPermissions.Write;
    }

    /// <summary>The per-user grant check put in the boot scan only.</summary>
    private sealed class GrantCheckedAtBootOnly : ModulePolicy
    {
        public override IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs) =>
            base.BootModulePaths(fs)?.Where(path => fs.Find(path) is { } file && base.IsTrusted(file)).ToArray();

        public override bool IsTrusted(FsNode file) => file.Owner == "root" && !file.WorldPermissions.Write;
    }
}
