using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-AUTOLOAD and MOD-SUBDIR: what boot loads from /lib/modules.</summary>
public sealed class AutoloadRules
{
    [Clause("MOD-AUTOLOAD")]
    public void ModuleInLibModules_AtBoot_IsLoaded(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "autoload"));
        Check.Returns(kernel.CallModule(Modules.Root, "autoload", "ping"), ["pong"], "callmodule(\"autoload\", \"ping\") after boot");
    }

    [Clause("MOD-AUTOLOAD")]
    public void SeveralModules_AtBoot_AllLoaded(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "first")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "second")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "third");
        using var kernel = context.Boot(image);
        foreach (var name in new[] { "first", "second", "third" })
        {
            Check.That(kernel.Answers(name), $"module '{name}' after boot", "callmodule to reach it", "no answer");
        }
    }

    [Clause("MOD-SUBDIR")]
    public void ModuleInSubdirectory_AtBoot_IsNotLoaded(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "top")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "nested", directory: Modules.Directory + "/disabled");
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("top"), "module directly in /lib/modules", "it to load (so boot did run)", "it did not load");
        Check.Fails(kernel.CallModule(Modules.Root, "nested", "ping"), "callmodule to /lib/modules/disabled/nested.lua after boot");
    }

    [Clause("MOD-SUBDIR")]
    public void ModuleInDeepSubdirectory_AtBoot_IsNotLoaded(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "deep", directory: Modules.Directory + "/a/b");
        using var kernel = context.Boot(image);
        Check.Fails(kernel.CallModule(Modules.Root, "deep", "ping"), "callmodule to /lib/modules/a/b/deep.lua after boot");
    }

    [Clause("MOD-SUBDIR")]
    public void ModuleInSubdirectory_LoadedExplicitly_Works(RuleContext context)
    {
        // The page's point of subdirectories: the module is kept from autoloading, not from loading.
        var image = BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "manual", directory: Modules.Directory + "/manual");
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", Modules.Directory + "/manual/manual.lua"), "loadmodule of the subdirectory module");
        Check.That(kernel.Answers("manual"), "module loaded with loadmodule", "callmodule to reach it", "no answer");
    }
}
