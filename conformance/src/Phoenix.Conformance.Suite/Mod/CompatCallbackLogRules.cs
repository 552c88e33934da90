using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: a failing callback is not only reported to the module but logged, as Phoenix logs every thread
/// that dies of an error (facts §6): the syslog is the view an administrator has of it.</summary>
public sealed class CompatCallbackLogRules
{
    [Clause("PX-USER-CALLBACK-ERROR-LOGGED")]
    public void CallbackThatErrors_IsLoggedAtErrorLevel(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        Check.Succeeds(kernel.Program("alice", "return syscall.callmodule('umc', 'run', function() error('logged callback failure', 0) end)"),
            "a program whose callback raises an error");
        var logged = kernel.ReadSyslog().Any(e => e.Level >= SyslogLevel.Error && e.Message.Contains("logged callback failure", StringComparison.Ordinal));
        Check.That(logged, "syslog after a callback failed", "an error-level entry with the callback's message", "none");
    }

    [Clause("PX-USER-CALLBACK-ERROR-LOGGED")]
    public void CallbackThatErrors_IsLoggedUnderApplicationError(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        Check.Succeeds(kernel.Program("alice", "return syscall.callmodule('umc', 'run', function() error('categorised callback failure', 0) end)"),
            "a program whose callback raises an error");
        var entries = kernel.ReadSyslog().Where(e => e.Message.Contains("categorised callback failure", StringComparison.Ordinal)).ToList();
        Check.That(entries.Any(e => e.Category == "Application Error"), "syslog after a callback failed",
            "an entry with the callback's message in category \"Application Error\"",
            entries.Count == 0 ? "none" : string.Join("; ", entries.Select(e => $"{e} (category {e.Category ?? "none"})")));
    }
}
