using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: privilege goes by the exact user name "root" (facts §2.2 step 2, §7): users whose names differ
/// from it in case or by a space are ordinary users, refused by loadmodule and unloadmodule; and a module that throws
/// is logged under its own name (facts §2.2 step 10).</summary>
public sealed class CompatPrivilegeRules
{
    [Clause("PX-MOD-LOAD-ROOT-ONLY")]
    public void UsersNamedLikeRoot_Loadmodule_AreRefused(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "late", directory: Modules.Directory + "/manual")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "kept");
        using var kernel = context.Boot(image);
        foreach (var user in new[] { "Root", "ROOT", "root " })
        {
            Check.FailsWith(kernel.Syscall(user, "loadmodule", Modules.Directory + "/manual/late.lua"),
                "Could not load kernel module: Permission denied", $"loadmodule as \"{user}\"");
            Check.FailsWith(kernel.Syscall(user, "unloadmodule", "kept"), "Could not load kernel module: Permission denied", $"unloadmodule as \"{user}\"");
        }
        Check.That(!kernel.Answers("late") && kernel.Answers("kept"), "modules after loadmodule and unloadmodule by users named like root",
            "late not loaded, kept still loaded", $"late {(kernel.Answers("late") ? "loaded" : "not loaded")}, kept {(kernel.Answers("kept") ? "loaded" : "gone")}");
    }

    [Clause("PX-MOD-FAILED-MODULE-LOGGED")]
    public void ModuleThatThrows_IsLoggedUnderItsName(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/throws.lua", "a_throws"));
        var entry = kernel.ReadSyslog().FirstOrDefault(e => e.Level >= SyslogLevel.Error && e.Message.Contains("fails on purpose", StringComparison.Ordinal));
        Check.That(entry is not null && entry.Message.StartsWith("Kernel module a_throws threw an error:", StringComparison.Ordinal),
            "the error-level syslog entry for a_throws", "\"Kernel module a_throws threw an error: <its error>\"", entry?.Message ?? "none");
    }
}
