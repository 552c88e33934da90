// Clauses: none
// Compat: PX-MOD-SYSLOG
// Mirrors: Phoenix 20-syslog (the log itself; Scripting/kernel.lua writes to it)


namespace Phoenix.ReferenceKernel.Logging;

/// <summary>
/// The kernel's syslog, readable by the host (facts §8): lines in order, up to a size limit. Past the limit the
/// oldest lines go (a module logging large strings in a loop would otherwise hold host memory for as long as the
/// kernel runs), and a notice says how many went; one line longer than a quarter of the limit is cut.
/// </summary>
public sealed class Syslog
{
    private readonly List<SyslogEntry> _entries = [];
    private readonly Func<long> _clock;
    private readonly long _limitChars;
    private long _chars;

    /// <param name="limitChars">Characters of messages the log keeps in all; at least 1024.</param>
    public Syslog(Func<long> clock, long limitChars = DefaultLimitChars)
    {
        _clock = clock;
        _limitChars = Math.Max(limitChars, 1024);
    }

    /// <summary>16 Mi characters: far more than any rule or boot writes, far less than a host's memory.</summary>
    public const long DefaultLimitChars = 16L * 1024 * 1024;

    public IReadOnlyList<SyslogEntry> Entries => _entries;

    /// <summary>Lines dropped so far to keep the log within its limit.</summary>
    public long Dropped { get; private set; }

    public void Log(SyslogLevel level, string message, string? module = null, string? category = null)
    {
        var longest = _limitChars / 4;
        if (message.Length > longest) message = $"{message[..(int)longest]}… [{message.Length - longest} more characters cut: syslog line limit]";
        Add(new SyslogEntry(level, message, module, category) { TimestampMs = _clock() });
        if (_chars > _limitChars) DropOldest();
    }

    public void Info(string message) => Log(SyslogLevel.Info, message);

    public void Notice(string message) => Log(SyslogLevel.Notice, message);

    public void Error(string message) => Log(SyslogLevel.Error, message);

    private void Add(SyslogEntry entry)
    {
        _entries.Add(entry);
        _chars += entry.Message.Length;
    }

    /// <summary>Drops down to three quarters of the limit at once, so a flood costs amortised constant time per line.</summary>
    private void DropOldest()
    {
        var count = 0;
        while (count < _entries.Count && _chars > _limitChars * 3 / 4) _chars -= _entries[count++].Message.Length;
        _entries.RemoveRange(0, count);
        Dropped += count;
        Add(new SyslogEntry(SyslogLevel.Notice, $"syslog: {count} oldest lines dropped ({Dropped} in all) to stay within {_limitChars} characters") { TimestampMs = _clock() });
    }
}
