using System.Text;
using Phoenix.Common;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Phoenix.CraftOS.Api;
using Phoenix.CraftOS.Events;
using Phoenix.CraftOS.Filesystem;
using Phoenix.CraftOS.Screen;
using Phoenix.Lua;

namespace Phoenix.CraftOS;

/// <summary>
/// A headless ComputerCraft computer: one Lua state, an in-memory disk with a read-only /rom, a virtual screen, an
/// event queue with a virtual clock, and simulated peripherals. <see cref="Boot"/> runs a kernel file as the top-level
/// coroutine, as a bootloader such as UnBIOS would; <see cref="Run"/> pumps events into it. Nothing the kernel does
/// can crash the host: errors, the watchdog and os.shutdown all end in <see cref="ComputerState.Off"/> with a
/// <see cref="StopReason"/>, and the screen and log stay readable for the report.
/// </summary>
public sealed class CraftOsComputer : IDisposable
{
    private readonly ComputerOptions _options;
    private readonly List<string> _log = [];
    private readonly OsApi _os;
    private readonly FsApi _fsApi;
    private LuaEngine? _engine;
    private LuaCoroutine? _kernel;
    private LuaRef? _guest;
    private string? _filter;

    public CraftOsComputer(ComputerOptions? options = null)
    {
        _options = options ?? new ComputerOptions();
        Clock = new VirtualClock(_options.StartEpochMs);
        Events = new EventQueue(Clock);
        FileSystem = new MemoryFileSystem(() => Clock.NowMs, _options.DiskCapacity);
        Screen = new VirtualScreen(_options.ScreenWidth, _options.ScreenHeight);
        _os = new OsApi(Events, Clock, _options.ComputerId, _options.Label);
        Port = new Port.HostPort(_options.PortPath);
        _fsApi = new FsApi(FileSystem, Port);
        Rom.RomImage.Install(FileSystem, _options.RomDirectory);
    }

    public MemoryFileSystem FileSystem { get; }

    /// <summary>The channel to a program inside the kernel that does not go through the screen (when
    /// <see cref="ComputerOptions.PortPath"/> is set).</summary>
    public Port.HostPort Port { get; }

    public VirtualScreen Screen { get; }

    public VirtualClock Clock { get; }

    public EventQueue Events { get; }

    public ComputerState State { get; private set; } = ComputerState.NotStarted;

    /// <summary>Why the computer is off: "shutdown", "reboot", "kernel returned", a crash or the watchdog.</summary>
    public string? StopReason { get; private set; }

    /// <summary>The exit code given to os.shutdown, when one was.</summary>
    public long? ShutdownCode => _os.ShutdownCode;

    /// <summary>What the host saw: boot, stop and errors, in order.</summary>
    public IReadOnlyList<string> HostLog => _log;

    /// <summary>Top-level resumes of the kernel so far.</summary>
    public long Resumes { get; private set; }

    public int OpenFiles => _fsApi.OpenCount;

    /// <summary>How many times a kernel's yielding count hook has preempted one of its coroutines (Phoenix's
    /// preemptive mode).</summary>
    public long Preemptions => _engine?.HookYields ?? 0;

    /// <summary>The kernel's last failed <c>fs.open</c> calls (path, mode, message): evidence of a missing file when it
    /// stops.</summary>
    public IReadOnlyList<string> FailedOpens => _fsApi.FailedOpens;

    /// <summary>The simulated peripherals (the reference kernel's simulation) with their call logs. Changing the bus
    /// directly queues no event: right for peripherals present at boot; once running, use
    /// <see cref="Attach"/>.</summary>
    public PeripheralBus Peripherals { get; } = new();

    /// <summary>Attaches a peripheral and returns the name of CC's "peripheral" event, which a running kernel gets:
    /// the peripheral's own, or the side of the wired modem that comes with it.</summary>
    public string Attach(PeripheralSpec peripheral)
    {
        var name = Peripherals.Attach(peripheral);
        if (State == ComputerState.Running) Events.Enqueue(["peripheral", name]);
        return name;
    }

    /// <summary>Detaches the peripheral called <paramref name="name"/> (a wired modem takes its network along); a
    /// running kernel gets "peripheral_detach". False when nothing has that name.</summary>
    public bool Detach(string name)
    {
        if (!Peripherals.Detach(name)) return false;
        if (State == ComputerState.Running) Events.Enqueue(["peripheral_detach", name]);
        return true;
    }

    /// <summary>Queues an event as if CC had (a host-injected event joins the one FIFO queue).</summary>
    public void QueueEvent(params LuaValue[] ev) => Events.Enqueue(ev);

    /// <summary>
    /// Builds the guest environment and starts the kernel at <paramref name="kernelPath"/> (a file on this computer's
    /// disk) with <paramref name="arguments"/> as its varargs, then runs it until it first waits. A kernel that
    /// cannot even be compiled leaves the computer off with the syntax error as the reason.
    /// </summary>
    public RunOutcome Boot(string kernelPath, IEnumerable<string> arguments, string chunkName = "=kernel", int maxResumes = 100_000)
    {
        if (State != ComputerState.NotStarted) throw new InvalidOperationException("A computer boots once; make a new one.");
        State = ComputerState.Running;
        _engine = new LuaEngine(new LuaEngineOptions
        {
            // CC:T's two-stage watchdog: a catchable error first, then a stop (ComputerOptions).
            InstructionBudget = _options.InstructionsPerResume + _options.AbortInstructions,
            SoftInstructionBudget = _options.AbortInstructions > 0 ? _options.InstructionsPerResume : 0,
            SoftBudgetMessage = WatchdogMessage,
            // Kernels that preempt their processes with a yielding count hook (Phoenix) run as shipped.
            YieldingCountHooks = true,
            // The host port's park (Port/HostPort.cs): a program inside the kernel waits in the host, not in its
            // kernel's scheduler.
            HostYields = true,
            MemoryLimitBytes = _options.MemoryLimitBytes,
            TrustedBinaryChunks = _options.TrustedBinaryChunks,
        });
        // The state is this computer's alone, so its kernel gets the debug library kernels rebuild getfenv/setfenv
        // and per-process type metatables from (Phoenix does); hooks stay the watchdog's.
        var guest = _engine.CreateEnvironment(SandboxDebug.Introspection);
        _guest = guest;
        InstallApis(_engine, guest);
        var source = FileSystem.HostRead(kernelPath);
        if (source is null) return StopNow($"no kernel at {kernelPath}");
        LuaRef chunk;
        try
        {
            chunk = _engine.Load(source, chunkName, guest);
        }
        catch (LuaScriptException e)
        {
            return StopNow($"kernel does not compile: {e.Message}");
        }
        _kernel = _engine.CreateCoroutine(chunk);
        Note($"booting {kernelPath} {string.Join(' ', arguments)}");
        Step(arguments.Select(a => (LuaArg)a).ToArray());
        return Run(maxResumes: maxResumes);
    }

    /// <summary>
    /// Delivers queued events (and, when the queue is empty, jumps the clock to the next timer) until
    /// <paramref name="until"/> holds, the kernel is idle, the computer is off, or <paramref name="maxResumes"/>
    /// resumes have run. Events that do not match the kernel's filter are dropped, as in CC ("terminate" always
    /// passes).
    /// </summary>
    public RunOutcome Run(Func<bool>? until = null, int maxResumes = 100_000)
    {
        var resumes = 0;
        while (State == ComputerState.Running)
        {
            if (until?.Invoke() == true) return RunOutcome.ConditionMet;
            if (resumes >= maxResumes) return RunOutcome.ResumeLimit;
            if (Port.Parked is not null)
            {
                // A program waits in the port and nothing was posted for it: it goes back to waiting in its kernel.
                resumes++;
                ResumeParked(false);
                continue;
            }
            if (!Events.TryDequeue(out var ev))
            {
                if (!Events.FireNextTimers()) return RunOutcome.Idle;
                continue;
            }
            var name = ev.Count > 0 && ev[0] is LuaString s ? s.Text : "";
            if (_filter is not null && name != _filter && name != "terminate") continue;
            resumes++;
            Step(ev.Select(LuaArg.From).ToArray());
        }
        return until?.Invoke() == true ? RunOutcome.ConditionMet : RunOutcome.Stopped;
    }

    /// <summary>Resumes the program that waits in the port (<see cref="Port.HostPort.Parked"/>): with
    /// <paramref name="posted"/> true, a message for it waits in the port and it takes it at once, in the middle of
    /// its kernel's work, as if its wait had returned; with false, it goes back to waiting the kernel's way.</summary>
    public void ResumeParked(bool posted)
    {
        if (Port.Parked is null || State != ComputerState.Running) throw new InvalidOperationException("No program waits in the port.");
        Port.Parked = null;
        Step([posted]);
    }

    /// <summary>
    /// Evaluates <paramref name="expressionList"/> ("return a, b, …", text the kernel produced, for example an agent's
    /// answer) in a fresh empty sandbox of this computer's Lua state and returns the values as plain data. It is
    /// code from the kernel, so it gets no API and runs under the watchdog's budget; a failure is a
    /// <see cref="LuaScriptException"/>.
    /// </summary>
    public IReadOnlyList<LuaValue> DecodeData(byte[] expressionList)
    {
        var engine = _engine ?? throw new InvalidOperationException("The computer has not booted.");
        using var sandbox = engine.CreateEnvironment();
        using var chunk = engine.Load(expressionList, "=data", sandbox);
        return engine.Call(chunk);
    }

    /// <summary>
    /// The values of the kernel's global variables <paramref name="names"/> (read raw: no metamethod of the kernel runs),
    /// as plain data, for what a kernel says about itself (Phoenix sets PHOENIX_VERSION). Nil for each one it does not
    /// set, and for all before boot.
    /// </summary>
    public IReadOnlyList<LuaValue> ReadGlobals(params string[] names)
    {
        if (_engine is null || _guest is null) return names.Select(_ => (LuaValue)LuaNil.Instance).ToArray();
        using var sandbox = _engine.CreateEnvironment();
        using var read = _engine.Load("local g, names = ... local out = {} for i, n in ipairs(names) do out[i] = rawget(g, n) end return table.unpack(out, 1, #names)"u8.ToArray(), "=[host:globals]", sandbox);
        var values = _engine.Call(read, _guest, new LuaTable(names.Select(n => (LuaValue)n)));
        return names.Select((_, i) => i < values.Count ? values[i] : LuaNil.Instance).ToArray();
    }

    /// <summary>Turns the computer off from outside (the harness is done with it).</summary>
    public void Stop(string reason)
    {
        if (State == ComputerState.Running) StopNow(reason);
    }

    /// <summary>Everything a failure report needs: state, why it stopped, the host log and the screen.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine($"computer: {State}{(StopReason is null ? "" : $" ({StopReason})")}, {Resumes} resumes, clock +{Clock.UptimeMs} ms");
        foreach (var line in _log.TakeLast(20)) text.AppendLine($"host: {line}");
        text.AppendLine("screen:");
        text.Append(Screen.Text());
        return text.ToString();
    }

    public void Dispose()
    {
        _kernel?.Dispose();
        _guest?.Dispose();
        _engine?.Dispose();
        _engine = null;
        if (State == ComputerState.Running) State = ComputerState.Off;
    }

    private void InstallApis(LuaEngine engine, LuaRef guest)
    {
        var native = new NativeTable(engine);
        _fsApi.Register(native);
        new TermApi(Screen, _options.EchoToConsole).Register(native);
        _os.Register(native);
        new PeripheralApi(Peripherals).Register(native);
        new PortApi(Port).Register(native);
        var host = engine.CreateEnvironment();
        var bios = engine.Load(Resource("bios.lua"), "=[host:bios]", host);
        var config = engine.NewTable(LuaTable.Record(("host", _options.Host), ("headless", _options.Headless)));
        // common/lua/bit32.lua and math52.lua, shared with the reference kernel; host chunks, so their functions stay sealed.
        using var bit32 = engine.Load(Resource("bit32.lua"), "=[host:bit32]", host);
        using var math52 = engine.Load(Resource("math52.lua"), "=[host:math52]", host);
        engine.Call(bios, guest, native.Table, config, bit32, math52, engine.HostYield!);
    }

    private void Step(LuaArg[] args)
    {
        CoroutineStep step;
        Resumes++;
        try
        {
            step = _kernel!.Resume(args);
        }
        catch (LuaScriptException e)
        {
            // The watchdog's error, uncaught, stops the computer as its second stage does.
            StopNow(e.Kind == LuaErrorKind.Budget || e.ErrorValue is LuaString { Text: WatchdogMessage } ? WatchdogMessage : $"kernel crashed: {e.FullText}");
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            StopNow($"host error while resuming the kernel: {e.Message}");
            return;
        }
        if (step.Status == CoroutineStatus.HostYielded)
        {
            // The port's park: the kernel is suspended in the middle of its work, with the parked key.
            Port.Parked = step.Values.Count > 0 && step.Values[0] is LuaString key ? key.Text : "";
            if (_os.PowerRequest is { } pending) StopNow(pending);
            return;
        }
        // A computer whose top-level code returns turns off, as CC's does when bios.lua ends.
        if (step.Status == CoroutineStatus.Finished)
        {
            StopNow("kernel returned");
            return;
        }
        _filter = step.Values.Count > 0 && step.Values[0] is LuaString s ? s.Text : null;
        // os.shutdown and os.reboot take effect once the kernel yields, as in CC.
        if (_os.PowerRequest is { } request) StopNow(request);
    }

    /// <summary>CC's watchdog message, for both of its stages.</summary>
    public const string WatchdogMessage = "Too long without yielding";

    private RunOutcome StopNow(string reason)
    {
        State = ComputerState.Off;
        StopReason = reason;
        Port.Parked = null;
        Note($"stopped: {reason}");
        return RunOutcome.Stopped;
    }

    private void Note(string line) => _log.Add($"[+{Clock.UptimeMs} ms] {line}");

    private static byte[] Resource(string name) => EmbeddedResource.Bytes(typeof(CraftOsComputer).Assembly, "Phoenix.CraftOS." + name);
}
