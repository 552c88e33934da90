using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-API and MOD-CALL-SCOPE: a module's returned table is its API, reached by module name through
/// callmodule, and only under that name.</summary>
public sealed class ApiRules
{
    [Clause("MOD-API")]
    public void ReturnedTable_Callmodule_ReachesItsFunction(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-API/echo.lua", "echo"));
        Check.Returns(kernel.CallModule(Modules.Root, "echo", "echo", "hello", 42L), ["hello", 42L], "callmodule(\"echo\", \"echo\", \"hello\", 42)");
    }

    [Clause("MOD-API")]
    public void ApiFunction_CalledByUnprivilegedUser_IsReachable(RuleContext context)
    {
        // "An API to provide to usermode programs": any user program may call it, not only root.
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-API/echo.lua", "echo"));
        Check.Returns(kernel.CallModule("alice", "echo", "echo", "from alice"), ["from alice"], "callmodule as alice");
    }

    [Clause("MOD-API")]
    public void ModuleLoadedByLoadmodule_Callmodule_ReachesItsApi(RuleContext context)
    {
        const string path = Modules.Directory + "/manual/echo.lua";
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-API/echo.lua", "echo", directory: Modules.Directory + "/manual"));
        Check.Succeeds(kernel.Syscall(Modules.Root, "loadmodule", path), $"loadmodule(\"{path}\")");
        Check.Returns(kernel.CallModule(Modules.Root, "echo", "echo", true), [true], "callmodule after loadmodule");
    }

    [Clause("MOD-CALL-SCOPE")]
    public void TwoModules_WithSameFunctionName_EachCallReachesItsOwn(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-CALL-SCOPE/alpha.lua", "alpha")
            .WithModule(context, "MOD-CALL-SCOPE/beta.lua", "beta");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.CallModule(Modules.Root, "alpha", "who"), ["alpha"], "callmodule(\"alpha\", \"who\")");
        Check.Returns(kernel.CallModule(Modules.Root, "beta", "who"), ["beta"], "callmodule(\"beta\", \"who\")");
    }

    [Clause("MOD-CALL-SCOPE")]
    public void FunctionOfOneModule_UnderAnotherModulesName_IsNotReachable(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-CALL-SCOPE/alpha.lua", "alpha")
            .WithModule(context, "MOD-CALL-SCOPE/beta.lua", "beta");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.CallModule(Modules.Root, "alpha", "onlyAlpha"), ["alpha only"], "callmodule(\"alpha\", \"onlyAlpha\")");
        Check.Fails(kernel.CallModule(Modules.Root, "beta", "onlyAlpha"), "callmodule(\"beta\", \"onlyAlpha\"): beta has no such function");
    }

    [Clause("MOD-CALL-SCOPE")]
    public void ModuleName_NotLoaded_IsNotReachable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-CALL-SCOPE/alpha.lua", "alpha"));
        Check.Fails(kernel.CallModule(Modules.Root, "gamma", "who"), "callmodule(\"gamma\", \"who\") with no module gamma");
    }
}
