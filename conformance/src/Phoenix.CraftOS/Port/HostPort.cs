using Phoenix.Values;
using Phoenix.ComputerCraft.Paths;

namespace Phoenix.CraftOS.Port;

/// <summary>
/// A channel between the host and one program inside the kernel (the conformance agent) that does not go through the
/// screen: values cross as data in both directions, strings as exact bytes, of any size the state's memory allows.
/// The program reaches it by opening the file at <see cref="Path"/> with the kernel's own <c>open</c>: a kernel that
/// hands out the computer's CC file handle (Phoenix's craftos filesystem does) hands it the port's
/// <c>send(…)</c> and <c>receive()</c> with it. The screen stays for what the kernel prints.
/// </summary>
public sealed class HostPort(string? path)
{
    private readonly Queue<IReadOnlyList<LuaValue>> _toGuest = new();
    private readonly List<IReadOnlyList<LuaValue>> _fromGuest = [];
    private readonly Dictionary<string, long> _wakeTimers = new(StringComparer.Ordinal);

    /// <summary>The port file's path on the computer's disk (sanitized), or null when this computer has none.</summary>
    public string? Path { get; } = path is null ? null : CcPath.Sanitize(path);

    /// <summary>True once a program has opened the port (it can then send and receive).</summary>
    public bool Opened { get; internal set; }

    /// <summary>Messages posted to the guest and not yet received.</summary>
    public int Pending => _toGuest.Count;

    /// <summary>Queues one message (a list of values) for the guest's next <c>receive()</c>.</summary>
    public void Post(IReadOnlyList<LuaValue> message) => _toGuest.Enqueue(message);

    /// <summary>Removes and returns the first message from the guest that <paramref name="match"/> accepts.</summary>
    public IReadOnlyList<LuaValue>? Take(Func<IReadOnlyList<LuaValue>, bool> match)
    {
        var index = _fromGuest.FindIndex(m => match(m));
        if (index < 0) return null;
        var message = _fromGuest[index];
        _fromGuest.RemoveAt(index);
        return message;
    }

    /// <summary>The timer a waiting guest process armed for <paramref name="key"/> with <c>arm(key, timer)</c>, or
    /// null: the host wakes that process by queueing the timer's event, which the kernel routes to the process that
    /// started the timer, instead of typing on the kernel's terminal. The process started it far in the future, so
    /// only the host ever fires it, once per request.</summary>
    public long? WakeTimer(string key) => _wakeTimers.TryGetValue(key, out var timer) ? timer : null;

    /// <summary>The key a program waits in the port with (<c>park(key)</c>), or null: the kernel is then suspended in
    /// the middle of its work, inside that program's wait, and resumes only through
    /// <see cref="CraftOsComputer.ResumeParked"/> (<see cref="CraftOsComputer.Run"/> sends it back to waiting the
    /// kernel's way first). A message posted for it and <c>ResumeParked(true)</c> skip the kernel's event delivery and
    /// scheduling: on Phoenix a request then costs one scheduler pass, as a call made inside the kernel does.</summary>
    public string? Parked { get; internal set; }

    internal IReadOnlyList<LuaValue>? Receive() => _toGuest.Count > 0 ? _toGuest.Dequeue() : null;

    internal void Send(IReadOnlyList<LuaValue> message) => _fromGuest.Add(message);

    internal void Arm(string key, long timer) => _wakeTimers[key] = timer;
}
