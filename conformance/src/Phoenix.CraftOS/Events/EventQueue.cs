using Phoenix.Values;

namespace Phoenix.CraftOS.Events;

/// <summary>
/// CC's one FIFO event queue, shared by os.queueEvent, timers and events the host injects, plus the pending timers.
/// Timers are due on the virtual clock; <see cref="FireNextTimers"/> jumps the clock to the earliest one.
/// </summary>
public sealed class EventQueue(VirtualClock clock)
{
    /// <summary>CC:Tweaked drops events past 256 queued ones.</summary>
    public const int Capacity = 256;

    /// <summary>Bytes (strings, plus a little per value) the queued events may hold together: events live in host memory,
    /// outside the Lua memory limit, so a kernel queueing huge strings must not exhaust the host.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private readonly Queue<(IReadOnlyList<LuaValue> Event, long Size)> _events = new();
    private long _bytes;
    private readonly SortedSet<(long Due, long Id)> _timers = [];
    private long _nextTimer;

    public int Count => _events.Count;

    public bool HasTimers => _timers.Count > 0;

    /// <summary>Events dropped because the queue was full.</summary>
    public int Dropped { get; private set; }

    public void Enqueue(IReadOnlyList<LuaValue> ev)
    {
        var size = ev.Sum(SizeOf);
        if (_events.Count >= Capacity || _bytes + size > MaxBytes)
        {
            Dropped++;
            return;
        }
        _events.Enqueue((ev, size));
        _bytes += size;
    }

    public bool TryDequeue(out IReadOnlyList<LuaValue> ev)
    {
        if (!_events.TryDequeue(out var entry))
        {
            ev = [];
            return false;
        }
        _bytes -= entry.Size;
        ev = entry.Event;
        return true;
    }

    private static long SizeOf(LuaValue value) => value switch
    {
        LuaString s => 16 + s.Bytes.Length,
        LuaTable t => 16 + t.Array.Sum(SizeOf) + t.Hash.Sum(kv => SizeOf(kv.Key) + SizeOf(kv.Value)),
        _ => 16,
    };

    /// <summary>Starts a timer; CC rounds to whole 50 ms ticks and fires a zero-length timer at the next tick.</summary>
    public long StartTimer(double seconds)
    {
        var id = ++_nextTimer;
        // Huge, infinite or NaN delays would overflow the tick count (and fire at once); a year is "never" for a run.
        var bounded = double.IsNaN(seconds) ? 0 : Math.Clamp(seconds, 0, 365.0 * 24 * 3600);
        var ticks = Math.Max(1, (long)Math.Ceiling(bounded * 20 - 1e-9));
        _timers.Add((clock.NowMs + ticks * 50, id));
        return id;
    }

    public void CancelTimer(long id) => _timers.RemoveWhere(t => t.Id == id);

    /// <summary>Moves the clock to the earliest timer and queues every timer due then. False when none is pending.</summary>
    public bool FireNextTimers()
    {
        if (_timers.Count == 0) return false;
        clock.AdvanceTo(_timers.Min.Due);
        while (_timers.Count > 0 && _timers.Min.Due <= clock.NowMs)
        {
            var timer = _timers.Min;
            _timers.Remove(timer);
            Enqueue(["timer", timer.Id]);
        }
        return true;
    }
}
