// Clauses: MOD-AUTOLOAD, MOD-SUBDIR
// Compat: PX-MOD-BOOT-ORDER, PX-MOD-NO-EXTENSION-FILTER, PX-MOD-FAILED-MODULE-LOGGED
// Mirrors: Phoenix 90-kmod (the boot scan of /lib/modules)

using Phoenix.ReferenceKernel.Logging;
using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Boot;

/// <summary>
/// The boot-time module scan (page: "automatically loaded into the kernel at boot"; facts §2.1, Phoenix 90-kmod):
/// every non-directory entry of /lib/modules, in sorted order, goes through loadmodule as KERNEL with no thread.
/// A module that fails is logged and boot goes on.
/// </summary>
public static class BootSequence
{
    public static void LoadBootModules(MemoryFileSystem fs, Syslog syslog, ModulePolicy policy, Func<string, SyscallResult> loadAsKernel)
    {
        syslog.Info($"Loading kernel modules from {ModulePolicy.ModuleDirectory}");
        var paths = policy.BootModulePaths(fs);
        if (paths is null)
        {
            syslog.Notice($"Could not open {ModulePolicy.ModuleDirectory}: No such file or directory");
            return;
        }
        foreach (var path in paths)
        {
            var result = loadAsKernel(path);
            if (!result.Succeeded) syslog.Error($"Could not load module from {path}: {result.ErrorText}");
        }
    }
}
