using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>Module names are names byte for byte: modules whose names differ only in case are different modules, and
/// a name in another case, or with a NUL byte after it, names none of them (MOD-CALL-SCOPE, MOD-UNLOAD).</summary>
public sealed class NameCaseRules
{
    private static BootImage Image(RuleContext context) => BootImage.Empty.WithWitness(context)
        .WithProbe(context, Modules.Directory + "/echo.lua", "lower")
        .WithProbe(context, Modules.Directory + "/Echo.lua", "capital")
        .WithProbe(context, Modules.Directory + "/\u00e9t\u00e9.lua", "accented");

    [Clause("MOD-CALL-SCOPE")]
    public void ModulesWhoseNamesDifferOnlyInCase_EachAnswersUnderItsOwnName(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        Check.That(kernel.Answering("echo", "alice") == "lower", "callmodule(\"echo\", \"who\") as alice", "echo.lua's copy", kernel.Answering("echo", "alice") ?? "none");
        Check.That(kernel.Answering("Echo", "alice") == "capital", "callmodule(\"Echo\", \"who\") as alice", "Echo.lua's copy", kernel.Answering("Echo", "alice") ?? "none");
        foreach (var miss in new[] { "ECHO", "eCHO", "echo\0", "echo\0.lua", "\u00c9T\u00c9", "\u00e9t\u00e9 " })
        {
            Check.That(kernel.Answering(miss, "alice") is null, $"callmodule(\"{miss.Replace("\0", "\\0", StringComparison.Ordinal)}\", \"who\") as alice",
                "no module to answer", kernel.Answering(miss, "alice") ?? "none");
        }
        Check.That(kernel.Answering("\u00e9t\u00e9", "alice") == "accented", "callmodule(\"\u00e9t\u00e9\", \"who\") as alice", "\u00e9t\u00e9.lua's copy",
            kernel.Answering("\u00e9t\u00e9", "alice") ?? "none");
    }

    [Clause("MOD-UNLOAD")]
    public void UnloadmoduleOfACaseVariant_UnloadsNeitherModule(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        kernel.Syscall(Modules.Root, "unloadmodule", "ECHO");
        kernel.Syscall(Modules.Root, "unloadmodule", "echo\0");
        Check.That(kernel.Unloads("lower") == 0 && kernel.Unloads("capital") == 0, "unload calls of echo and Echo after unloadmodule(\"ECHO\") and unloadmodule(\"echo\\0\")",
            "none", $"{kernel.Unloads("lower")} and {kernel.Unloads("capital")}");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "Echo"), "unloadmodule(\"Echo\")");
        Check.That(kernel.Unloads("capital") == 1 && kernel.Unloads("lower") == 0, "unload calls of Echo and echo after unloadmodule(\"Echo\")",
            "1 and 0", $"{kernel.Unloads("capital")} and {kernel.Unloads("lower")}");
        Check.That(kernel.Answering("echo") == "lower" && kernel.Answering("Echo") is null, "echo and Echo after unloadmodule(\"Echo\")",
            "echo loaded, Echo gone", $"echo: {kernel.Answering("echo") ?? "gone"}, Echo: {kernel.Answering("Echo") ?? "gone"}");
    }
}
