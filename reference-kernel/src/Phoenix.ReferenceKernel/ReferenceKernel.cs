// Clauses: MOD-AUTOLOAD, MOD-SYSCALL-TABLE
// Compat: PX-USER-ENVIRONMENT
// Mirrors: Phoenix kernel.lua and 99-main (boot order: glue, boot modules, devices; syscalls and user programs)

using Phoenix.Values;
using Phoenix.Lua;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.ReferenceKernel.Modules;
using Phoenix.ReferenceKernel.Processes;
using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel;

/// <summary>
/// A booted reference kernel: one Lua state holding the kernel-space environment modules run in, the Lua glue that
/// implements dispatch and the module syscalls, and the C# parts (filesystem, syslog, module checks, boot).
/// Every syscall runs in its own coroutine, as in Phoenix 0.0.5+ (facts §1.6).
/// </summary>
public sealed partial class ReferenceKernel : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly KernelOptions _options;
    private readonly LuaEngine _engine;
    private readonly LuaRef _kernelEnv;
    private readonly LuaRef _internals;
    private readonly LuaRef _dispatch;
    private readonly LuaRef _kernelProcess;
    private readonly ProcessTable _processes;
    private readonly LuaRef _runProgram;
    private long _clockMs = Epoch.ToUnixTimeMilliseconds();

    private ReferenceKernel(BootImage image, KernelOptions options)
    {
        _options = options;
        // Checked before anything is built: an unknown override is a usage error, reported as a failed boot.
        var scripts = ScriptsFor(options).ToArray();
        Syslog = new Syslog(Tick, options.SyslogLimitChars);
        FileSystem = MemoryFileSystem.FromImage(image, Tick);
        _engine = new LuaEngine(options.Engine);
        _kernelEnv = _engine.CreateEnvironment();
        _internals = _engine.NewTable();
        using var host = CreateHost(new ModuleLoader(FileSystem, Syslog, options.ModulePolicy), new TmpFs(FileSystem, Tick, options.TmpFsQuotaBytes));
        // The glue scripts are ours and never visible to modules, so they may introspect: the module checker's
        // script (an extra script) reads where a module's functions were defined and which code called a probe.
        using var scriptEnv = _engine.CreateEnvironment(SandboxDebug.Introspection);
        // common/lua/bit32.lua and math52.lua, shared with the CraftOS host's bios: api-lualib.lua runs them as
        // kernel.loadBit32() and kernel.loadMath52().
        // Our own scripts build the kernel and make almost no garbage: no collection until boot modules run.
        using (_engine.PauseCollector())
        {
            using (var bit32 = _engine.Load(CompiledScripts.For(Bit32Source), scriptEnv)) _engine.SetField(_internals, KernelParts.LoadBit32, bit32);
            using (var math52 = _engine.Load(CompiledScripts.For(Math52Source), scriptEnv)) _engine.SetField(_internals, KernelParts.LoadMath52, math52);
            _engine.SetField(_internals, KernelParts.Booting, false);
            foreach (var script in scripts.Concat(ApiScripts))
            {
                using var chunk = _engine.Load(CompiledScripts.For(script.Source), scriptEnv);
                _engine.Call(chunk, _kernelEnv, host, _internals);
            }
            GuardKernelParts(scriptEnv, host);
            foreach (var script in options.ExtraScripts)
            {
                using var chunk = _engine.Load(CompiledScripts.For(script.Source), scriptEnv);
                _engine.Call(chunk, _kernelEnv, host, _internals);
            }
        }
        _dispatch = Internal(KernelParts.Dispatch);
        _kernelProcess = Internal(KernelParts.KernelProcess);
        _processes = new ProcessTable(_engine, Internal(KernelParts.NewProcess));
        _runProgram = Internal(KernelParts.RunProgram);
        Syslog.Info($"Starting Phoenix reference kernel (Phoenix {options.PhoenixVersion} semantics)");
        // While boot modules load, userModeCallback refuses as Phoenix's does on the kernel main thread (facts §6).
        _engine.SetField(_internals, KernelParts.Booting, true);
        BootSequence.LoadBootModules(FileSystem, Syslog, options.ModulePolicy,
            path => Run(_kernelProcess, null, "loadmodule", [LuaString.From(path)]));
        _engine.SetField(_internals, KernelParts.Booting, false);
        try
        {
            PopulateDevices(image);
        }
        catch (KernelStoppedException)
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Boots a kernel from an image. A kernel that cannot start throws <see cref="KernelBootException"/>;
    /// a module that fails does not: it is logged and boot goes on. A driver that fails while binding to a boot
    /// peripheral panics the kernel, as in Phoenix: <see cref="KernelStoppedException"/>.</summary>
    public static ReferenceKernel Boot(BootImage image, KernelOptions? options = null)
    {
        try
        {
            return new ReferenceKernel(image, options ?? new KernelOptions());
        }
        catch (Exception e) when (e is LuaScriptException or IOException or ArgumentException)
        {
            throw new KernelBootException($"The reference kernel could not boot: {e.Message}", e);
        }
    }

    public Syslog Syslog { get; }

    public MemoryFileSystem FileSystem { get; }

    /// <summary>Runs a syscall as the process of <paramref name="user"/> (created on first use) and its main thread.</summary>
    public SyscallResult Syscall(string user, string name, IReadOnlyList<LuaValue> args)
    {
        ThrowIfStopped("syscall " + name);
        if (!TryProcessFor(user, out var process, out var thread, out var failure)) return failure;
        return Run(process, thread, name, args);
    }

    /// <summary>
    /// Runs Lua source as a user program of <paramref name="user"/>'s process: a new thread in that process's
    /// user-mode environment (no kernel globals), whose syscalls the kernel serves as that process.
    /// </summary>
    public SyscallResult RunUserChunk(string user, string source, IReadOnlyList<LuaValue> args)
    {
        ThrowIfStopped("user program");
        if (!TryProcessFor(user, out var process, out _, out var failure)) return failure;
        LuaRef chunk;
        using (var env = _engine.GetFieldRef(process, "env") ?? throw new InvalidOperationException("process without env"))
        {
            try
            {
                chunk = _engine.Load(source, "=program", env);
            }
            catch (LuaScriptException e)
            {
                return SyscallResult.Failure(LuaString.From(e.Message));
            }
        }
        using (chunk)
        {
            return Drive(_runProgram, "user program", [process, chunk, .. args.Select(LuaArg.From)]);
        }
    }

    public void Dispose()
    {
        _processes.Dispose();
        _engine.Dispose();
    }

    /// <summary>The user's process, created on first use. Creating it runs Lua, which can fail (a state full of a
    /// hostile program's memory): that fails the call, never throws out of the kernel's API.</summary>
    private bool TryProcessFor(string user, out LuaRef process, out LuaRef thread, out SyscallResult failure)
    {
        try
        {
            (process, thread) = _processes.ForUser(user);
            failure = null!;
            return true;
        }
        catch (LuaScriptException e)
        {
            (process, thread) = (null!, null!);
            failure = SyscallResult.Failure(LuaString.From($"could not create the process of {user}: {e.Message}"));
            return false;
        }
    }

    private SyscallResult Run(LuaRef process, LuaRef? thread, string name, IReadOnlyList<LuaValue> args)
    {
        // Filled by hand: a spread of a Select builds a list and copies it (this runs once per syscall).
        var callArgs = new LuaArg[args.Count + 3];
        callArgs[0] = process;
        callArgs[1] = thread is null ? LuaArg.Nil : thread;
        callArgs[2] = LuaString.From(name);
        for (var i = 0; i < args.Count; i++) callArgs[i + 3] = LuaArg.From(args[i]);
        return Drive(_dispatch, "syscall " + name, callArgs);
    }

    /// <summary>Runs a glue entry point that returns (true, results...) or (false, error) in a coroutine, resuming
    /// plain yields, and turns what it returns, or how it failed, into a result. The kernel always goes on.</summary>
    private SyscallResult Drive(LuaRef entry, string name, LuaArg[] callArgs)
    {
        // One budget for every resume: a fresh one per resume would let code that yields run without bound.
        using var budget = _engine.BudgetScope();
        using var coroutine = _engine.CreateCoroutine(entry);
        try
        {
            var step = coroutine.Resume(callArgs);
            for (var resumes = 0; step.Status == CoroutineStatus.Yielded; resumes++)
            {
                if (resumes >= _options.MaxSyscallResumes)
                {
                    return SyscallResult.Failure(LuaString.From(
                        $"{name} did not finish: it yielded {resumes} times without completing"));
                }
                step = coroutine.Resume();
            }
            var values = step.Values;
            return values.Count > 0 && values[0] is LuaBoolean { Value: true }
                ? SyscallResult.Success(values.Skip(1).ToArray())
                : SyscallResult.Failure(values.Count > 1 ? values[1] : LuaString.From("syscall failed"));
        }
        catch (LuaScriptException e)
        {
            // Budget, memory or a broken dispatcher: the syscall fails with a clear error, the kernel goes on.
            return SyscallResult.Failure(LuaString.From(e.FullText));
        }
    }

    private LuaRef Internal(string name) =>
        _engine.GetFieldRef(_internals, name) ?? throw new KernelBootException($"Kernel glue did not define '{name}'.");

    private long Tick() => _clockMs += 1;
}
