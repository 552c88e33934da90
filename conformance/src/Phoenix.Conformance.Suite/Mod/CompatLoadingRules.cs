using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: how Phoenix 0.0.9 loads modules where the page is silent (facts §2).</summary>
public sealed class CompatLoadingRules
{
    [Clause("PX-MOD-BOOT-ORDER")]
    public void BootModules_LoadInSortedOrder(RuleContext context)
    {
        // Written b then a: a kernel that loads in image or creation order gives "ba".
        var image = BootImage.Empty.WithWitness(context)
            .WithModule(context, "PX-MOD/order_b.lua", "order_b")
            .WithModule(context, "PX-MOD/order_a.lua", "order_a");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.Witness("order"), ["ab"], "order in which order_a and order_b loaded");
    }

    [Clause("PX-MOD-NO-EXTENSION-FILTER")]
    public void FileWithoutLuaExtension_AtBoot_IsLoaded(RuleContext context)
    {
        var image = BootImage.Empty.WithFile(Modules.Directory + "/plain", context.Fixture("MOD-AUTOLOAD/autoload.lua"));
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("plain"), "/lib/modules/plain (no extension) at boot", "it to load", "it did not");
    }

    [Clause("PX-MOD-FAILED-MODULE-LOGGED")]
    public void ModuleThatThrows_AtBoot_IsLoggedAndBootGoesOn(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "PX-MOD/throws.lua", "a_throws")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "b_after");
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("b_after"), "module after a failing one", "it to load", "it did not");
        Check.That(!kernel.Answers("a_throws"), "the failing module", "it not to be stored", "it answers");
        var logged = kernel.ReadSyslog().Any(e => e.Level >= SyslogLevel.Error && e.Message.Contains("fails on purpose", StringComparison.Ordinal));
        Check.That(logged, "syslog after boot", "an error-level line with the module's error", "none");
    }

    [Clause("PX-MOD-LOAD-ROOT-ONLY")]
    public void NonRootCaller_Loadmodule_IsRefused(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "late", directory: Modules.Directory + "/manual"));
        Check.FailsWith(kernel.Syscall("alice", "loadmodule", Modules.Directory + "/manual/late.lua"),
            "Could not load kernel module: Permission denied", "loadmodule as alice");
        Check.That(!kernel.Answers("late"), "module after alice's loadmodule", "it not to load", "it loaded");
    }

    [Clause("PX-MOD-LOAD-ROOT-ONLY")]
    public void NonRootCaller_Unloadmodule_IsRefused(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "kept"));
        Check.FailsWith(kernel.Syscall("alice", "unloadmodule", "kept"), "Could not load kernel module: Permission denied", "unloadmodule as alice");
        Check.That(kernel.Answers("kept"), "module after alice's unloadmodule", "it to stay loaded", "it is gone");
    }

    [Clause("PX-MOD-INSECURE-MESSAGE")]
    public void UntrustedFile_Loadmodule_FailsWithPhoenixMessage(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "foreign", owner: "alice", directory: Modules.Directory + "/manual"));
        Check.FailsWith(kernel.Syscall(Modules.Root, "loadmodule", Modules.Directory + "/manual/foreign.lua"),
            "Insecure permissions set on kernel module, refusing to load", "loadmodule of a module owned by alice");
    }

    [Clause("PX-MOD-NAME-DERIVATION")]
    public void ModuleName_IsTextBeforeFirstDot_SkippingLeadingDots(RuleContext context)
    {
        var source = context.Fixture("MOD-AUTOLOAD/autoload.lua");
        var image = BootImage.Empty
            .WithFile(Modules.Directory + "/multi.part.name.lua", source)
            .WithFile(Modules.Directory + "/.hidden.lua", source)
            .WithFile(Modules.Directory + "/a-b_c.lua", source);
        using var kernel = context.Boot(image);
        foreach (var name in new[] { "multi", "hidden", "a-b_c" })
        {
            Check.That(kernel.Answers(name), $"module named '{name}'", "callmodule to reach it under that name", "no answer");
        }
    }

    [Clause("PX-MOD-CHUNK-ARGUMENT")]
    public void ModuleChunk_ReceivesItsPathAsGiven(RuleContext context)
    {
        const string path = Modules.Directory + "/manual/chunk_argument.lua";
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/chunk_argument.lua", "chunk_argument", directory: Modules.Directory + "/manual"));
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", path), "loadmodule");
        Check.Returns(kernel.CallModule(Modules.Root, "chunk_argument", "path"), [path], "the chunk's ... argument");
    }

    [Clause("PX-MOD-RESULT-OR-TRUE")]
    public void ModuleReturningNothing_IsListedButNotCallable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-UNLOAD-OPTIONAL/returns_nothing.lua", "returns_nothing"));
        Check.ListContains(Check.Succeeds(kernel.Syscall(Modules.Root, "listmodules"), "listmodules")[0], "returns_nothing", true, "listmodules after boot");
        Check.FailsWith(kernel.CallModule(Modules.Root, "returns_nothing", "x"), "does not have a callable interface", "callmodule to a module stored as true");
    }

    [Clause("PX-MOD-DUPLICATE-NAME-OVERWRITES")]
    public void SecondModuleWithSameName_ReplacesFirst_WithoutUnload(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context)
            .WithFile(Modules.Directory + "/dup.lua", context.Fixture("PX-MOD/version_one.lua"))
            .WithFile(Modules.Directory + "/later/dup.lua", context.Fixture("PX-MOD/version_two.lua"));
        using var kernel = context.Boot(image);
        Check.Returns(kernel.CallModule(Modules.Root, "dup", "version"), [1L], "dup after boot");
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", Modules.Directory + "/later/dup.lua"), "loadmodule of a second 'dup'");
        Check.Returns(kernel.CallModule(Modules.Root, "dup", "version"), [2L], "dup after the second load");
        Check.Returns(kernel.Witness("unloads", "dup"), [global::Phoenix.Values.LuaValue.Nil], "unload calls of the replaced module");
    }
}
