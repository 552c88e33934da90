using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-OWNER and MOD-WORLD-WRITABLE: "Kernel modules must be owned by root, and cannot be world-writable -
/// otherwise, the module will fail to load". Checked at boot and through loadmodule.</summary>
public sealed class TrustRules
{
    private const string Fixture = "MOD-AUTOLOAD/autoload.lua";
    private const string Manual = Modules.Directory + "/manual";

    [Clause("MOD-OWNER")]
    public void ModuleOwnedByUser_AtBoot_IsNotLoaded(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, Fixture, "trusted")
            .WithModule(context, Fixture, "foreign", owner: "alice");
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("trusted"), "root-owned module at boot", "it to load", "it did not");
        Check.That(!kernel.Answers("foreign"), "module owned by alice at boot", "it not to load", "it loaded");
    }

    [Clause("MOD-OWNER")]
    public void ModuleOwnedByUser_Loadmodule_IsNotLoaded(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, Fixture, "foreign", owner: "alice", directory: Manual));
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/foreign.lua");
        Check.That(!kernel.Answers("foreign"), "loadmodule of a module owned by alice", "it not to load", "it loaded");
    }

    [Clause("MOD-OWNER")]
    public void ModuleTrust_OverGeneratedOwnersAndModes_LoadsIffRootOwnedAndNotWorldWritable(RuleContext context) =>
        PropertyCheck.ForAll(context, PermissionGenerators.AnyModuleFile(), file => AssertLoadsIffTrusted(context, file), cases: 60);

    [Clause("MOD-WORLD-WRITABLE")]
    public void WorldWritableModule_AtBoot_IsNotLoaded(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, Fixture, "trusted")
            .WithModule(context, Fixture, "writable", world: "rw-");
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("trusted"), "module with world r-x at boot", "it to load", "it did not");
        Check.That(!kernel.Answers("writable"), "module with world rw- at boot", "it not to load", "it loaded");
    }

    [Clause("MOD-WORLD-WRITABLE")]
    public void WorldWritableModule_Loadmodule_IsNotLoaded(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, Fixture, "writable", world: "-w-", directory: Manual));
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/writable.lua");
        Check.That(!kernel.Answers("writable"), "loadmodule of a module with world -w-", "it not to load", "it loaded");
    }

    [Clause("MOD-WORLD-WRITABLE")]
    public void RootOwnedModule_OverGeneratedModes_LoadsIffNotWorldWritable(RuleContext context) =>
        PropertyCheck.ForAll(context, PermissionGenerators.RootOwnedModuleFile(), file => AssertLoadsIffTrusted(context, file), cases: 60);

    /// <summary>Boots with the file in /lib/modules and a copy in a subdirectory, then loads the copy with
    /// loadmodule: both must load exactly when the file is trusted. A trusted file that another user may write is
    /// left open here: refusing it is ADV-MOD-USER-WRITABLE, loading it is the page's letter.</summary>
    private static void AssertLoadsIffTrusted(RuleContext context, ModuleFile file)
    {
        if (file.Trusted && file.WritableByAUser) return;
        var source = context.Fixture(Fixture);
        var image = BootImage.Empty
            .WithFile(Modules.Directory + "/probe.lua", source, file.Owner, file.World, file.Permissions)
            .WithFile(Manual + "/late.lua", source, file.Owner, file.World, file.Permissions);
        using var kernel = context.Boot(image);
        var expectation = file.Trusted ? "it to load" : "it not to load";
        Check.That(kernel.Answers("probe") == file.Trusted, $"boot with /lib/modules/probe.lua ({file})", expectation,
            file.Trusted ? "it did not" : "it loaded");
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/late.lua");
        Check.That(kernel.Answers("late") == file.Trusted, $"loadmodule of {Manual}/late.lua ({file})", expectation,
            file.Trusted ? "it did not" : "it loaded");
    }
}
