// Clauses: none
// Compat: PX-MOD-SYSLOG
// Mirrors: Phoenix 20-syslog (the log itself; Scripting/kernel.lua writes to it)

using Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.ReferenceKernel.Logging;

/// <summary>The kernel's syslog: every line kept in order, readable by the host (facts §8).</summary>
public sealed class Syslog
{
    private readonly List<SyslogEntry> _entries = [];
    private readonly Func<long> _clock;

    public Syslog(Func<long> clock) => _clock = clock;

    public IReadOnlyList<SyslogEntry> Entries => _entries;

    public void Log(SyslogLevel level, string message, string? module = null, string? category = null) =>
        _entries.Add(new SyslogEntry(level, message, module, category) { TimestampMs = _clock() });

    public void Info(string message) => Log(SyslogLevel.Info, message);

    public void Notice(string message) => Log(SyslogLevel.Notice, message);

    public void Error(string message) => Log(SyslogLevel.Error, message);
}
