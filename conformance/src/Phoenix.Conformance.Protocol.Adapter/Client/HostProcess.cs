using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Protocol.Adapter.Wire;

namespace Phoenix.Conformance.Protocol.Adapter.Client;

/// <summary>
/// One running kernel host: the process, its three pipes, and the handshake. Requests go one at a time; each waits at
/// most <see cref="Timeout"/> for its answer. A host that exits, answers junk or stays silent past the timeout is
/// killed and every request to it, then and later, throws <see cref="KernelStoppedException"/> with what it was doing
/// and the last lines it wrote on stderr; a host killed through <see cref="Kill"/> throws
/// <see cref="HostKilledException"/> with the reason given. Nothing here waits without a limit.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private const int StderrTailChars = 2000;
    private static readonly object EndOfOutput = new();

    private readonly Process _process;
    private readonly BlockingCollection<object> _lines = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private long _nextId;
    private string? _death;
    private string? _killReason;

    private HostProcess(ProcessStartInfo start, TimeSpan timeout)
    {
        Timeout = timeout;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardInputEncoding = new UTF8Encoding(false);
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardErrorEncoding = new UTF8Encoding(false);
        try
        {
            _process = Process.Start(start) ?? throw new KernelBootException($"could not start the kernel host '{Describe(start)}'");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelBootException($"could not start the kernel host '{Describe(start)}': {e.Message}");
        }
        var reader = new Thread(ReadOutput) { IsBackground = true, Name = "kernel host stdout" };
        reader.Start();
        var errors = new Thread(ReadErrors) { IsBackground = true, Name = "kernel host stderr" };
        errors.Start();
    }

    /// <summary>The longest a request waits for its answer.</summary>
    public TimeSpan Timeout { get; }

    public string HostName { get; private set; } = "";

    public string HostVersion { get; private set; } = "";

    /// <summary>Operations the host said it serves in the handshake.</summary>
    public IReadOnlySet<string> Operations { get; private set; } = new HashSet<string>();

    public bool IsAlive => _death is null && !HasExited;

    /// <summary>The host's process ID, for a watchdog that measures it.</summary>
    public int ProcessId => _process.Id;

    private bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts the host and shakes hands; a host that cannot do that is a <see cref="KernelBootException"/>.</summary>
    public static HostProcess Start(ProcessStartInfo start, TimeSpan timeout)
    {
        var host = new HostProcess(start, timeout);
        try
        {
            var hello = Fields.AsObject(host.Request("hello", new JsonObject
            {
                ["protocols"] = new JsonArray(Framing.Version),
                ["client"] = "phoenix-conformance",
            }), "hello result");
            if (Fields.Integer(hello, "protocol") != Framing.Version)
            {
                throw new ProtocolException($"the host chose protocol {hello["protocol"]}, not one offered ({Framing.Version})");
            }
            host.HostName = Fields.String(hello, "name");
            host.HostVersion = Fields.String(hello, "version");
            host.Operations = Fields.Array(hello, "operations").Select(o => Fields.AsString(o, "operation")).ToHashSet(StringComparer.Ordinal);
            return host;
        }
        catch (Exception e) when (e is ProtocolException or KernelStoppedException or KernelBootException or HostKilledException)
        {
            host.Dispose();
            throw new KernelBootException($"the kernel host '{Describe(start)}' failed the handshake: {e.Message}");
        }
    }

    /// <summary>Sends <paramref name="op"/> with <paramref name="fields"/> and returns the answer's result.</summary>
    public JsonNode? Request(string op, JsonObject? fields = null)
    {
        lock (_gate)
        {
            ThrowIfDead(op);
            var id = ++_nextId;
            var request = new JsonObject { ["id"] = id, ["op"] = op };
            foreach (var (key, value) in fields ?? [])
            {
                request[key] = value?.DeepClone();
            }
            try
            {
                _process.StandardInput.Write(Framing.Write(request));
                _process.StandardInput.Write('\n');
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                Die($"its input closed during '{op}'");
                ThrowIfDead(op);
            }
            if (!_lines.TryTake(out var item, Timeout))
            {
                Die($"it did not answer '{op}' within {Timeout.TotalSeconds:0.#} s");
                ThrowIfDead(op);
            }
            if (item == EndOfOutput)
            {
                Die($"it exited during '{op}'");
                ThrowIfDead(op);
            }
            if (item is ProtocolException tooLong)
            {
                Die($"it answered junk to '{op}': {tooLong.Message}");
                ThrowIfDead(op);
            }
            return Interpret(op, id, (string)item!);
        }
    }

    /// <summary>Kills the host from outside; requests in flight and later ones throw <see cref="HostKilledException"/>.</summary>
    public void Kill(string reason)
    {
        _killReason ??= reason;
        Die(reason);
    }

    public void Dispose()
    {
        if (IsAlive)
        {
            try
            {
                // A polite end first, so a host can free what it holds; the kill below is for one that does not listen.
                _process.StandardInput.Close();
                _process.WaitForExit(1000);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // already gone
            }
        }
        Die("it was shut down");
        _process.Dispose();
    }

    private JsonNode? Interpret(string op, long id, string line)
    {
        JsonObject answer;
        try
        {
            answer = Framing.Parse(line);
            if (answer["id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var answered) || answered != id)
            {
                throw new ProtocolException($"answer id {ValueCodec.Quote(answer["id"])} is not the request's {id}");
            }
            if (Fields.Boolean(answer, "ok")) return answer["result"];
        }
        catch (ProtocolException e)
        {
            Die($"it answered junk to '{op}': {e.Message}");
            ThrowIfDead(op);
            throw; // not reached
        }
        var error = answer["error"] as JsonObject;
        var kind = error?["kind"]?.ToString() ?? "?";
        var message = error?["message"]?.ToString() ?? "(no message)";
        throw kind switch
        {
            ErrorKinds.Boot => new KernelBootException(message),
            ErrorKinds.Stopped => new KernelStoppedException(message),
            ErrorKinds.Unsupported => new NotSupportedByAdapterException(error?["operation"]?.ToString() ?? op),
            ErrorKinds.BadRequest => new ProtocolException($"the kernel host refused '{op}' as a bad request: {message}"),
            _ => new InvalidOperationException($"the kernel host failed on '{op}'{(error?["type"] is { } type ? $" ({type})" : "")}: {message}"),
        };
    }

    private void ThrowIfDead(string op)
    {
        if (_death is null && HasExited) Die("it exited");
        if (_death is null) return;
        if (_killReason is not null) throw new HostKilledException($"The kernel host was killed during '{op}': {_killReason}");
        var tail = StderrTail();
        throw new KernelStoppedException($"The kernel host stopped: {_death}.{(tail.Length == 0 ? "" : $" Its last words (stderr): {tail}")}");
    }

    private void Die(string reason)
    {
        _death ??= reason;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // exited meanwhile
        }
    }

    private void ReadOutput()
    {
        try
        {
            while (Framing.ReadLine(_process.StandardOutput) is { } line)
            {
                if (line.Length > 0) _lines.Add(line);
            }
        }
        catch (ProtocolException e)
        {
            _lines.Add(e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the pipe broke: the same as the end
        }
        _lines.Add(EndOfOutput);
    }

    private void ReadErrors()
    {
        try
        {
            var buffer = new char[4096];
            int n;
            while ((n = _process.StandardError.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, n);
                    if (_stderr.Length > StderrTailChars * 2) _stderr.Remove(0, _stderr.Length - StderrTailChars);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the pipe broke; the tail so far is what we have
        }
    }

    private string StderrTail()
    {
        // The reader may still be draining what the host wrote just before it died.
        Thread.Sleep(50);
        lock (_stderr)
        {
            var text = _stderr.ToString().Trim();
            return text.Length <= StderrTailChars ? text : "…" + text[^StderrTailChars..];
        }
    }

    private static string Describe(ProcessStartInfo start) =>
        start.ArgumentList.Count > 0 ? $"{start.FileName} {string.Join(' ', start.ArgumentList)}" : $"{start.FileName} {start.Arguments}".Trim();
}
