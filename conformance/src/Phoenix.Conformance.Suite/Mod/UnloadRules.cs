using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-UNLOAD and MOD-UNLOAD-OPTIONAL: unloadmodule calls the API's unload when there is one, and works
/// without one.</summary>
public sealed class UnloadRules
{
    [Clause("MOD-UNLOAD")]
    public void ModuleWithUnload_Unloadmodule_CallsUnloadOnce(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context).WithModule(context, "MOD-UNLOAD/unloadable.lua", "unloadable");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.Witness("unloads", "unloadable"), [global::Phoenix.Values.LuaValue.Nil], "unload count before unloadmodule");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "unloadable"), "unloadmodule(\"unloadable\")");
        Check.Returns(kernel.Witness("unloads", "unloadable"), [1L], "unload count after unloadmodule");
    }

    [Clause("MOD-UNLOAD")]
    public void UnloadedModule_Callmodule_IsNoLongerReachable(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context).WithModule(context, "MOD-UNLOAD/unloadable.lua", "unloadable");
        using var kernel = context.Boot(image);
        Check.That(kernel.Answers("unloadable"), "module before unloadmodule", "callmodule to reach it", "no answer");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "unloadable"), "unloadmodule(\"unloadable\")");
        Check.That(!kernel.Answers("unloadable"), "module after unloadmodule", "callmodule not to reach it", "it still answers");
    }

    [Clause("MOD-UNLOAD-OPTIONAL")]
    public void ApiOnlyModule_WithoutUnload_LoadsAndUnloads(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-UNLOAD-OPTIONAL/api_only.lua", "api_only"));
        Check.That(kernel.Answers("api_only"), "module without unload after boot", "it to load", "it did not");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "api_only"), "unloadmodule(\"api_only\")");
        Check.That(!kernel.Answers("api_only"), "module without unload after unloadmodule", "it to be gone", "it still answers");
    }

    [Clause("MOD-UNLOAD-OPTIONAL")]
    public void ModuleReturningNothing_LoadsAndUnloads(RuleContext context)
    {
        var image = BootImage.Empty.WithWitness(context)
            .WithModule(context, "MOD-UNLOAD-OPTIONAL/returns_nothing.lua", "returns_nothing", directory: Modules.Directory + "/manual");
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", Modules.Directory + "/manual/returns_nothing.lua"), "loadmodule of a module returning nothing");
        Check.Returns(kernel.Witness("loaded", "returns_nothing"), [true], "the module's code ran");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "returns_nothing"), "unloadmodule(\"returns_nothing\")");
    }
}
