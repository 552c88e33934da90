using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: the syslog as modules write to it (facts §8), the view an administrator has of what modules
/// report. Only syslog.log and syslog.debug are used: Phoenix 0.0.9 has no other level helpers.</summary>
public sealed class CompatSyslogRules
{
    [Clause("PX-MOD-SYSLOG")]
    public void ModuleLogging_KeepsLevelModuleCategoryAndMessageParts(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/logger.lua", "logger"));
        var entries = kernel.ReadSyslog();
        Expect(entries, "logger first 1 true", SyslogLevel.Warning, "logger", "conformance");
        Expect(entries, "logger second plain", SyslogLevel.Info, null, null);
        Expect(entries, "logger third", SyslogLevel.Error, "logger", null);
        Expect(entries, "logger fourth", SyslogLevel.Debug, null, null);
    }

    private static void Expect(IReadOnlyList<SyslogEntry> entries, string message, SyslogLevel level, string? module, string? category)
    {
        var entry = entries.FirstOrDefault(e => e.Message.StartsWith("logger ", StringComparison.Ordinal) && e.Message.Contains(message.Split(' ')[1], StringComparison.Ordinal));
        var expected = new SyslogEntry(level, message, module, category);
        Check.That(entry is not null && entry.Level == level && entry.Message == message && entry.Module == module && entry.Category == category,
            $"the syslog entry for \"{message}\"", $"{expected} (category {category ?? "none"})", entry is null ? "none" : $"{entry} (category {entry.Category ?? "none"})");
    }
}
