using Phoenix.Common;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;
using Phoenix.ReferenceKernel;
using Kernel = Phoenix.ReferenceKernel.ReferenceKernel;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>
/// Checks modules against the page's advice to module authors. Each module boots alone on a reference kernel that
/// runs the checker's script (Kernel/checker.lua) beside the glue: root loads the module with loadmodule after boot, its
/// API is called by an ordinary user with probe functions in every position (<see cref="Exercise"/>), each
/// filesystem type it adds is mounted by root with a probe in the options and used, then root unloads it and the
/// kernel state before the load is compared with the state after the unload.
/// </summary>
public static class ModuleChecker
{
    /// <summary>The user that calls module APIs: an ordinary user, as the page's users are.</summary>
    public const string CallingUser = "checker";

    /// <summary>Where the module's file is installed: outside /lib/modules, so it loads through loadmodule after boot
    /// and the state before it loads is a booted kernel's (devices bound, nothing half-done).</summary>
    public const string ModuleFolder = "/checkmodule";

    /// <summary>Where each filesystem type a module adds is mounted.</summary>
    public const string MountPoint = "/mnt/checkmodule";

    private static readonly KernelScript Script =
        new("checker.lua", EmbeddedResource.Text(typeof(ModuleChecker).Assembly, "Phoenix.Conformance.ModuleCheck.checker.lua"));

    /// <param name="system">The system to check it on (<see cref="SystemImage"/>); by default an empty one.</param>
    public static ModuleCheckResult Check(ModuleSource module, KernelOptions? options = null, BootImage? system = null)
    {
        var image = (system ?? BootImage.Empty).WithDirectory(ModuleFolder).WithDirectory(MountPoint)
            .WithFile(module.KernelPath, module.Text);
        options = (options ?? new KernelOptions()) with { ExtraScripts = [Script] };
        Kernel kernel;
        try
        {
            kernel = Kernel.Boot(image, options);
        }
        catch (Exception e) when (e is KernelBootException or KernelStoppedException)
        {
            return new ModuleCheckResult(module, [new ModuleFinding("LOAD", module.DisplayPath, null, "", "the kernel stopped while the module loaded: " + FirstLine(e.Message))]);
        }
        using (kernel)
        {
            try
            {
                kernel.Syscall("root", "loadmodule", [LuaString.From(module.KernelPath)]);
                foreach (var name in Strings(kernel.Syscall("root", "listmodules", [])))
                {
                    Exercise.CallApi(kernel, name);
                    Exercise.CallDrivers(kernel, name);
                    Exercise.MountFilesystems(kernel, name);
                    kernel.Syscall("root", "unloadmodule", [LuaString.From(name)]);
                }
                var report = kernel.Syscall("root", "checkmodule_report", []);
                return new ModuleCheckResult(module, KernelFindings.Parse(report, module));
            }
            catch (KernelStoppedException e)
            {
                return new ModuleCheckResult(module, [new ModuleFinding("CHECKER", module.DisplayPath, null, "", "the kernel stopped while the module was used: " + FirstLine(e.Message))]);
            }
        }
    }

    public static IReadOnlyList<ModuleCheckResult> CheckAll(IEnumerable<ModuleSource> modules, KernelOptions? options = null, BootImage? system = null) =>
        [.. modules.Select(m => Check(m, options, system))];

    internal static IEnumerable<string> Strings(SyscallResult result) =>
        result.Succeeded && result.Values.Count > 0 && result.Values[0] is LuaTable table
            ? table.Array.OfType<LuaString>().Select(s => s.Text)
            : [];

    private static string FirstLine(string text) => text.Split('\n')[0];
}
