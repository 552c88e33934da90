using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: syslog calls whose first argument is not what CompatSyslogRules uses (facts §8): syslog.log never
/// throws and, without an options table, logs every argument as the message; syslog.debug logs at debug level
/// whatever comes first. Phoenix's syslog.debug takes a table as a message part, a kernel may read it as options, so
/// the debug rule only asks that the message is logged at debug level.</summary>
public sealed class CompatSyslogFormRules
{
    [Clause("PX-MOD-SYSLOG")]
    public void SyslogLog_WithANumberFirst_LogsItAsPartOfTheMessage(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/logger_forms.lua", "forms"));
        var list = Check.Succeeds(kernel.Syscall(Modules.Root, "listmodules"), "listmodules after booting forms, which calls syslog.log(7, \"forms numbered\") at load");
        Check.ListContains(list[0], "forms", true, "listmodules (syslog.log never throws, so forms loads)");
        var entry = kernel.ReadSyslog().FirstOrDefault(e => e.Message.Contains("forms numbered", StringComparison.Ordinal));
        Check.That(entry is { Level: SyslogLevel.Info, Message: "7 forms numbered" }, "the syslog entry of syslog.log(7, \"forms numbered\")",
            "\"7 forms numbered\" at info level", entry is null ? "none" : entry.ToString());
    }

    [Clause("PX-MOD-SYSLOG")]
    public void SyslogDebug_WithATableFirst_StillLogsAtDebugLevel(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/logger_forms.lua", "forms"));
        var entry = kernel.ReadSyslog().FirstOrDefault(e => e.Message.Contains("forms debug", StringComparison.Ordinal));
        Check.That(entry is { Level: SyslogLevel.Debug }, "the syslog entry of syslog.debug({ module = \"forms\" }, \"forms debug\")",
            "an entry with \"forms debug\" at debug level", entry is null ? "none" : entry.ToString());
    }
}
