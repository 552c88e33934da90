using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Protocol.Adapter.Client;
using Phoenix.Conformance.Protocol.Adapter.Wire;

[assembly: KernelAdapter("exec", typeof(ExecAdapter))]

namespace Phoenix.Conformance.Protocol.Adapter.Client;

/// <summary>
/// <c>--adapter exec:&lt;command&gt;</c>: a kernel host in any language, started as a shell command and spoken to over
/// the protocol (conformance/ADAPTER-PROTOCOL.md) on its stdin and stdout; its stderr is kept for the report when it
/// stops. One host serves every kernel of the run; one that dies is started again at the next boot. Each operation
/// waits at most <see cref="Timeout"/> (PHOENIX_EXEC_TIMEOUT seconds among the variables the entry point hands the
/// registry, default 30), so a silent host is a stopped kernel, never a hang. The adapter takes its name and version
/// from the host's handshake.
/// </summary>
public sealed class ExecAdapter : IKernelAdapter, IDisposable
{
    public const string TimeoutEnvironmentVariable = "PHOENIX_EXEC_TIMEOUT";

    private readonly Func<ProcessStartInfo> _startInfo;
    private readonly Lock _gate = new();
    private readonly bool _unnamed;
    private HostProcess? _host;

    /// <summary>Without a command the adapter can be listed but not booted: exec:&lt;command&gt;.</summary>
    public ExecAdapter()
        : this(() => throw new KernelBootException("the exec adapter needs a command: --adapter exec:<command>"), DefaultTimeout)
    {
        _unnamed = true;
    }

    /// <summary><paramref name="command"/> with the default timeout.</summary>
    public ExecAdapter(string command)
        : this(command, _ => null)
    {
    }

    /// <summary>The registry's constructor: <paramref name="command"/> runs through the platform's shell, and
    /// PHOENIX_EXEC_TIMEOUT among <paramref name="variables"/> sets the timeout. The host is started and greeted here,
    /// so a command that is no kernel host (or a timeout that is no number of seconds) is refused before any rule runs,
    /// as bad usage.</summary>
    public ExecAdapter(string command, Func<string, string?> variables)
        : this(() => ShellCommand(command), TimeoutFrom(variables(TimeoutEnvironmentVariable)))
    {
        if (string.IsNullOrWhiteSpace(command)) throw new ArgumentException("exec: needs a command, for example exec:'lua5.4 host.lua'");
        try
        {
            Host();
        }
        catch (KernelBootException e)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    public ExecAdapter(Func<ProcessStartInfo> startInfo, TimeSpan timeout)
    {
        _startInfo = startInfo;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public string Name => _unnamed ? "exec" : Host().HostName;

    public string Version => _unnamed ? "none (use exec:<command>)" : Host().HostVersion;

    public IKernel Boot(BootImage image)
    {
        var host = Host();
        var id = Fields.AsString(host.Request("boot", new JsonObject { ["image"] = DataCodec.EncodeImage(image) }), "kernel id");
        return new ExecKernel(host, id);
    }

    /// <summary>The running host, started (again) when there is none or it died.</summary>
    public HostProcess Host()
    {
        lock (_gate)
        {
            if (_host is { IsAlive: true }) return _host;
            _host?.Dispose();
            _host = HostProcess.Start(_startInfo(), Timeout);
            return _host;
        }
    }

    /// <summary>The running host's process ID, or null when none runs (for a watchdog that measures it).</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate) return _host is { IsAlive: true } host ? host.ProcessId : null;
        }
    }

    /// <summary>Kills the running host, if any (the next boot starts a fresh one).</summary>
    public void Kill(string reason)
    {
        lock (_gate) _host?.Kill(reason);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _host?.Dispose();
            _host = null;
        }
    }

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A PHOENIX_EXEC_TIMEOUT value: unset or empty is the default; anything but seconds above 0 and at most a
    /// day is refused, naming the value (a typo must not silently become 30 seconds).</summary>
    public static TimeSpan TimeoutFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultTimeout;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 86_400
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{TimeoutEnvironmentVariable} must be a number of seconds above 0 and at most 86400, not '{text}'.");
    }

    private static ProcessStartInfo ShellCommand(string command)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe") : new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        start.ArgumentList.Add(command);
        return start;
    }
}
