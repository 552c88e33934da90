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

    // The level names map to Phoenix's numbers (debug 0 ... panic 6), and a trailing nil is still a part of the message.
    [Clause("PX-MOD-SYSLOG")]
    public void ModuleLogging_EveryLevelName_AndTrailingNilParts(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/logger_levels.lua", "logger_levels"));
        var entries = kernel.ReadSyslog();
        foreach (var level in Enum.GetValues<SyslogLevel>())
        {
            var message = "levels at " + level.ToString().ToLowerInvariant();
            var entry = entries.FirstOrDefault(e => e.Message == message);
            Check.That(entry is not null && entry.Level == level && entry.Module == "levels", $"the syslog entry of syslog.log({{level = \"{level.ToString().ToLowerInvariant()}\"}}, ...)",
                $"\"{message}\" at level {level} from module levels", entry is null ? "none" : entry.ToString());
        }
        foreach (var message in new[] { "levels trailing nil", "levels bare nil" })
            Check.That(entries.Any(e => e.Message == message), "the syslog after logging a message whose last part is nil", $"an entry \"{message}\"",
                string.Join("; ", entries.Where(e => e.Message.StartsWith("levels t", StringComparison.Ordinal) || e.Message.StartsWith("levels b", StringComparison.Ordinal)).Select(e => $"\"{e.Message}\"")));
    }

    private static void Expect(IReadOnlyList<SyslogEntry> entries, string message, SyslogLevel level, string? module, string? category)
    {
        var entry = entries.FirstOrDefault(e => e.Message.StartsWith("logger ", StringComparison.Ordinal) && e.Message.Contains(message.Split(' ')[1], StringComparison.Ordinal));
        var expected = new SyslogEntry(level, message, module, category);
        Check.That(entry is not null && entry.Level == level && entry.Message == message && entry.Module == module && entry.Category == category,
            $"the syslog entry for \"{message}\"", $"{expected} (category {category ?? "none"})", entry is null ? "none" : $"{entry} (category {entry.Category ?? "none"})");
    }
}
