using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// MOD-OWNER and MOD-WORLD-WRITABLE are judged at each load, by the file as it is then: a module that loaded at boot
/// and whose file was then given to a user, or made world-writable, fails to load again; a file that was untrusted
/// at boot and then made safe loads.
/// </summary>
public sealed class ReloadTrustRules
{
    private const string Path = Modules.Directory + "/probe.lua";

    [Clause("MOD-OWNER")]
    public void BootModule_ChownedToUser_FailsToLoadAgain(RuleContext context) =>
        AfterChange(context, kernel => kernel.Syscall(Modules.Root, "chown", Path, "alice"), "chown to alice");

    [Clause("MOD-OWNER")]
    public void ModuleOwnedByUserAtBoot_ChownedToRoot_Loads(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithWitness(context).WithProbe(context, Path, "probe", owner: "alice"));
        Check.That(kernel.Runs("probe") == 0, "probe.lua owned by alice at boot", "it not to run", $"it ran {kernel.Runs("probe")} time(s)");
        Check.Succeeds(kernel.Syscall(Modules.Root, "chown", Path, Modules.Root), "chown to root");
        // Alice may keep a per-user entry that lets her write it; the page lets a kernel refuse such a file
        // (ADV-MOD-USER-WRITABLE), so root takes that away too, and the file is one every kernel must load.
        Check.Succeeds(kernel.Syscall(Modules.Root, "chmod", Path, "alice", "-w"), "chmod(path, \"alice\", \"-w\")");
        kernel.Syscall(Modules.Root, "loadmodule", Path);
        Check.That(kernel.Answering("probe", "alice") == "probe", "loadmodule once root owns it and only root may write it", "the module to load", "it did not");
    }

    [Clause("MOD-WORLD-WRITABLE")]
    public void BootModule_MadeWorldWritable_FailsToLoadAgain(RuleContext context) =>
        AfterChange(context, kernel => kernel.Syscall(Modules.Root, "chmod", Path, LuaValue.Nil, "+w"), "chmod(path, nil, \"+w\")");

    [Clause("MOD-WORLD-WRITABLE")]
    public void WorldWritableModuleAtBoot_MadeReadOnly_Loads(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithWitness(context).WithProbe(context, Path, "probe", world: "rwx"));
        Check.That(kernel.Runs("probe") == 0, "world-writable probe.lua at boot", "it not to run", $"it ran {kernel.Runs("probe")} time(s)");
        Check.Succeeds(kernel.Syscall(Modules.Root, "chmod", Path, LuaValue.Nil, "-w"), "chmod(path, nil, \"-w\")");
        kernel.Syscall(Modules.Root, "loadmodule", Path);
        Check.That(kernel.Answering("probe", "alice") == "probe", "loadmodule once it is not world-writable", "the module to load", "it did not");
    }

    /// <summary>Boots with a trusted module, changes its file, and loads it again: once while the boot copy is still
    /// loaded (it must not run again) and once after unloading it (it must not come back).</summary>
    private static void AfterChange(RuleContext context, Func<IKernel, SyscallResult> change, string what)
    {
        using var kernel = context.Boot(BootImage.Empty.WithWitness(context).WithProbe(context, Path, "probe"));
        Check.That(kernel.Runs("probe") == 1, "probe.lua at boot", "it to run once", $"{kernel.Runs("probe")} run(s)");
        Check.Succeeds(change(kernel), what);
        kernel.Syscall(Modules.Root, "loadmodule", Path);
        Check.That(kernel.Runs("probe") == 1, $"loadmodule after {what}", "the module not to run again", $"{kernel.Runs("probe")} run(s)");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "probe"), "unloadmodule(\"probe\")");
        kernel.Syscall(Modules.Root, "loadmodule", Path);
        Check.That(kernel.Answering("probe", "alice") is null && kernel.Runs("probe") == 1, $"unloadmodule, then loadmodule after {what}",
            "the module to stay unloaded", $"{kernel.Runs("probe")} run(s), answering: {kernel.Answering("probe", "alice") ?? "none"}");
    }
}
