using System.Globalization;
using System.Text.RegularExpressions;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Talks to the agent program inside the kernel: a request is a CC event queued on the computer (or a line typed on
/// the kernel's console, when the agent says so at start), an answer is a frame "@@pxc:&lt;id&gt;:&lt;hex&gt;@@" the
/// agent writes to the screen. The frame's text ("return ok, values…") is
/// evaluated in an empty sandbox of the computer's Lua state, so values arrive exactly (bytes, integer or float).
/// </summary>
/// <remarks><paramref name="lastWords"/> gives what the kernel last said (its log's last serious lines): the evidence
/// when it stops.</remarks>
public sealed partial class AgentChannel(CraftOsComputer computer, Func<string>? lastWords = null, int maxResumesPerRequest = 200_000)
{
    private int _cursor;
    private long _nextId = 1;

    /// <summary>Sends one request and runs the computer until the agent answers it.</summary>
    public IReadOnlyList<LuaValue> Request(string op, string user, string text, IReadOnlyList<LuaValue> args)
    {
        var id = _nextId++;
        var packed = new LuaTable(args);
        if (Console && ThroughPort && op != "ping")
        {
            // The request crosses as data; the user's process takes it at once if it waits in the port (parked, and no
            // event queued that it should come after), else it is woken by its armed timer, else the agent by a short
            // line. A ping stays a typed line: it must reach the agent behind every event queued before it.
            computer.Port.Post([id, op, user, text, args.Count, packed]);
            if (computer.Port.Parked == user && computer.Events.Count == 0) computer.ResumeParked(true);
            else if (computer.Port.WakeTimer(user) is { } timer) computer.QueueEvent("timer", timer);
            else Type("pxq:port");
        }
        else if (Console)
        {
            // Typed on the kernel's console: the line, then Enter (CC's key code 257).
            var request = new LuaTable([id, op, user, text, args.Count, packed]);
            Type("pxq:" + LuaLiteral.Write(request));
        }
        else if (ThroughPort)
        {
            // The arguments wait in the port (events are limited in size); the process that serves the request takes
            // them.
            computer.Port.Post([id, packed]);
            computer.QueueEvent("conformance_request", id, op, user, text, args.Count, PortedArguments);
        }
        else
        {
            computer.QueueEvent("conformance_request", id, op, user, text, args.Count, packed);
        }
        return WaitFor(id, $"{op} {text.Split('\n')[0]}{(user.Length > 0 ? " as " + user : "")}");
    }

    /// <summary>True when the agent reads requests from the kernel's console instead of CC events (agent.lua).</summary>
    public bool Console { get; private set; }

    /// <summary>True when the agent answers through the host port (<see cref="Port.HostPort"/>) rather than the screen;
    /// on the console its requests then cross the port too.</summary>
    public bool ThroughPort { get; private set; }

    /// <summary>True when requests are typed one <c>char</c> event per character rather than pasted.</summary>
    public bool TypesByCharacter { get; private set; }

    /// <summary>Boots until the agent says it is ready and learns how it takes requests. On the console, a first ping
    /// is pasted: a terminal that ignores paste events (Phoenix 0.0.1-0.0.3, as on a real computer) never answers it,
    /// and requests are then typed character by character.</summary>
    public void WaitUntilReady()
    {
        var ready = WaitFor(0, "boot until the agent is ready");
        Console = ready.Count > 2 && ready[2] is LuaString { Text: "console" };
        ThroughPort = ready.Count > 3 && ready[3] is LuaString { Text: "port" };
        if (!Console) return;
        try
        {
            Request("ping", "", "paste probe", [], PasteProbeResumes);
        }
        catch (KernelHostException)
        {
            // The Enter after the lost paste gave the agent an empty line, which it skips.
            TypesByCharacter = true;
            Request("ping", "", "typed probe", []);
        }
    }

    /// <summary>Stands for a request's arguments that wait in the host port (agent.lua's PORTED).</summary>
    private const string PortedArguments = "pxq:port";

    /// <summary>A pasted ping is answered within a few resumes; Phoenix's one-second timers make the rest.</summary>
    private const int PasteProbeResumes = 100;

    /// <summary>Events queued per batch when typing: CC drops events past 256 queued ones (EventQueue.Capacity).</summary>
    private const int TypingBatch = 128;

    /// <summary>Types <paramref name="line"/> and Enter (CC's key code 257) on the kernel's console.</summary>
    private void Type(string line)
    {
        if (!TypesByCharacter)
        {
            computer.QueueEvent("paste", line);
            computer.QueueEvent("key", 257L, false);
            return;
        }
        // LuaLiteral writes printable ASCII only, so every character is one byte and one char event.
        for (var start = 0; start < line.Length; start += TypingBatch)
        {
            foreach (var c in line.AsSpan(start, Math.Min(TypingBatch, line.Length - start))) computer.QueueEvent("char", c.ToString());
            computer.Run(() => computer.Events.Count == 0, _maxResumes);
        }
        computer.QueueEvent("key", 257L, false);
    }

    private IReadOnlyList<LuaValue> Request(string op, string user, string text, IReadOnlyList<LuaValue> args, int maxResumes)
    {
        var saved = _maxResumes;
        _maxResumes = maxResumes;
        try
        {
            return Request(op, user, text, args);
        }
        finally
        {
            _maxResumes = saved;
        }
    }

    private int _maxResumes = maxResumesPerRequest;

    /// <summary>Runs the computer until the frame <paramref name="id"/> arrives (frame 0: the agent is ready).</summary>
    public IReadOnlyList<LuaValue> WaitFor(long id, string what)
    {
        IReadOnlyList<LuaValue>? answer = null;
        var outcome = computer.Run(() => (answer = TryTake(id)) is not null, _maxResumes);
        if (answer is not null) return answer;
        if (outcome == RunOutcome.Stopped)
        {
            var words = lastWords?.Invoke();
            throw new KernelStoppedException(
                $"{what}: the kernel stopped ({computer.StopReason}){(string.IsNullOrEmpty(words) ? "" : "; it last logged: " + words)}\n{computer.Report()}");
        }
        var why = outcome == RunOutcome.Idle
            ? "the kernel went idle without answering (did it deliver the request to the agent?)"
            : $"the kernel kept busy for {_maxResumes} resumes without answering";
        var logged = lastWords?.Invoke();
        // A kernel that logged a panic and then idles has stopped, as the contract counts it (Phoenix's panic prints
        // "Kernel panic: …" and "We are hanging here..." and waits forever): the rule fails with its last words, it
        // is not a harness error.
        if (outcome == RunOutcome.Idle && logged is not null && logged.Contains("Kernel panic", StringComparison.Ordinal))
        {
            throw new KernelStoppedException($"{what}: the kernel panicked; it last logged: {logged}\n{computer.Report()}");
        }
        throw new KernelHostException(
            $"{what}: {why}{(string.IsNullOrEmpty(logged) ? "" : "; the kernel last logged: " + logged)}{Unfinished()}\n{computer.Report()}");
    }

    /// <summary>An answer the agent began to write and never finished, whole: the screen shows only its last rows,
    /// cut at the terminal's width, which hides whether the agent failed or the kernel's terminal lost the text.</summary>
    private string Unfinished()
    {
        if (computer.Screen.TranscriptLength <= _cursor) return "; the agent wrote nothing since the last answer";
        var text = computer.Screen.TranscriptFrom(_cursor);
        var start = text.LastIndexOf("@@pxc:", StringComparison.Ordinal);
        if (start < 0) return "";
        var frame = text[start..];
        const int Shown = 400;
        return $"; an answer frame began but did not end ({frame.Length} characters, the kernel's terminal may cut or wrap long output): "
            + (frame.Length > Shown ? frame[..Shown] + "…" : frame);
    }

    /// <summary>Parts of long answers seen so far, by (answer id, part number): a terminal may draw a part more than
    /// once, and the last frame ("@@pxc:id/count:hex@@") says how many there are.</summary>
    private readonly Dictionary<(long Id, int Part), string> _parts = [];

    private IReadOnlyList<LuaValue>? TryTake(long id)
    {
        // Through the port: id, ok, values… as data. The screen is read too: the agent falls back to it for a value
        // the port cannot copy.
        if (computer.Port.Take(m => m.Count > 0 && m[0] is LuaInteger i && i.Value == id) is { } message) return message.Skip(1).ToArray();
        if (computer.Screen.TranscriptLength <= _cursor) return null;
        var text = computer.Screen.TranscriptFrom(_cursor);
        IReadOnlyList<LuaValue>? found = null;
        var consumed = 0;
        foreach (Match match in Frame().Matches(text))
        {
            var frameId = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (match.Groups[1].Value == "pxp")
            {
                consumed = match.Index + match.Length;
                _parts[(frameId, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture))] = match.Groups[4].Value;
                continue;
            }
            if (frameId != id)
            {
                consumed = match.Index + match.Length;
                continue;
            }
            var hex = match.Groups[4].Value;
            if (match.Groups[3].Success)
            {
                // A part missing from the transcript so far may still be drawn: leave the last frame unconsumed.
                if (Assemble(id, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), hex) is not { } whole) break;
                hex = whole;
            }
            consumed = match.Index + match.Length;
            found = Decode(hex);
            break;
        }
        _cursor += consumed;
        return found;
    }

    private string? Assemble(long id, int count, string last)
    {
        var pieces = new List<string>();
        for (var part = 1; part < count; part++)
        {
            if (!_parts.TryGetValue((id, part), out var piece)) return null;
            pieces.Add(piece);
        }
        for (var part = 1; part < count; part++) _parts.Remove((id, part));
        return string.Concat(pieces) + last;
    }

    private IReadOnlyList<LuaValue> Decode(string hex)
    {
        try
        {
            return computer.DecodeData(Convert.FromHexString(hex));
        }
        catch (Exception e) when (e is LuaScriptException or FormatException)
        {
            throw new KernelHostException($"the agent's answer could not be read: {e.Message}\n{computer.Report()}");
        }
    }

    /// <summary>"@@pxc:id:hex@@" (an answer), "@@pxc:id/count:hex@@" (its last part), "@@pxp:id:n:hex@@" (part n).</summary>
    [GeneratedRegex("@@(pxc|pxp):([0-9]+)(?:[/:]([0-9]+))?:([0-9a-f]*)@@")]
    private static partial Regex Frame();
}
