using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.CraftOS.Events;

/// <summary>
/// CC's one FIFO event queue, shared by os.queueEvent, timers and events the host injects, plus the pending timers.
/// Timers are due on the virtual clock; <see cref="FireNextTimers"/> jumps the clock to the earliest one.
/// </summary>
public sealed class EventQueue(VirtualClock clock)
{
    /// <summary>CC:Tweaked drops events past 256 queued ones.</summary>
    public const int Capacity = 256;

    private readonly Queue<IReadOnlyList<LuaValue>> _events = new();
    private readonly SortedSet<(long Due, long Id)> _timers = [];
    private long _nextTimer;

    public int Count => _events.Count;

    public bool HasTimers => _timers.Count > 0;

    /// <summary>Events dropped because the queue was full.</summary>
    public int Dropped { get; private set; }

    public void Enqueue(IReadOnlyList<LuaValue> ev)
    {
        if (_events.Count >= Capacity)
        {
            Dropped++;
            return;
        }
        _events.Enqueue(ev);
    }

    public bool TryDequeue(out IReadOnlyList<LuaValue> ev) => _events.TryDequeue(out ev!);

    /// <summary>Starts a timer; CC rounds to whole 50 ms ticks and fires a zero-length timer at the next tick.</summary>
    public long StartTimer(double seconds)
    {
        var id = ++_nextTimer;
        var ticks = Math.Max(1, (long)Math.Ceiling(Math.Max(0, seconds) * 20 - 1e-9));
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
