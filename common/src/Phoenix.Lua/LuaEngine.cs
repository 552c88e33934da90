// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using System.Collections.Concurrent;
using KeraLua;
using LuaState = KeraLua.Lua;
using Phoenix.Common;
using Phoenix.Values;
using Phoenix.Lua.Marshalling;

namespace Phoenix.Lua;

/// <summary>
/// One Lua 5.4 state with the policy KeraLua leaves out: allow-list environments (<see cref="CreateEnvironment()"/>),
/// text-only chunks (<see cref="Load(byte[],string,LuaRef)"/>; our own compiled once: <see cref="CompiledChunk"/>), protected calls that fail with one exception type
/// (<see cref="LuaScriptException"/>), registered C# functions that never raise a Lua error from a C# frame, an
/// instruction budget and a memory limit. Not thread-safe: one kernel drives it from one thread at a time.
/// </summary>
public sealed partial class LuaEngine : IDisposable
{
    private static readonly ConcurrentDictionary<IntPtr, LuaEngine> Engines = new();

    private readonly LuaState _main;
    private readonly MemoryAccount _memory;
    private readonly LuaEngineOptions _options;
    private readonly LuaRef _internals;
    private readonly LuaRef _wrap;
    private readonly LuaRef _handler;
    private readonly LuaRef _takeTraceback;
    private readonly LuaRef _trip;
    private readonly LuaRef _makeEnv;
    private bool _disposed;

    public LuaEngine(LuaEngineOptions? options = null)
    {
        _options = options ?? new LuaEngineOptions();
        _memory = new MemoryAccount(_options.MemoryLimitBytes);
        _hook = OnCountHook;
        _main = _memory.NewState();
        // Building the state makes almost no garbage: collecting during it is wasted work.
        _main.GarbageCollector(LuaGC.Stop, 0);
        _main.OpenLibs();
        Engines[_main.Handle] = this;
        InstallBudgetHook(_main);

        // Our own two scripts, compiled once per process (CompiledChunk: from our text only, by Lua's compiler).
        if (_main.LoadBuffer(EngineScript.Value.Bytecode, "=[engine]", "b") != LuaStatus.OK) throw new InvalidOperationException(_main.ToString(-1));
        _main.PushGlobalTable();
        // engine.lua's second argument: the metered pattern matcher its string library falls back to.
        if (_main.LoadBuffer(PatternsScript.Value.Bytecode, "=[engine]", "b") != LuaStatus.OK || _main.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new InvalidOperationException(_main.ToString(-1));
        }
        if (_main.PCall(2, 1, 0) != LuaStatus.OK) throw new InvalidOperationException(_main.ToString(-1));
        _internals = RefTop(_main);
        _wrap = Internal("wrap");
        _handler = Internal("handler");
        _takeTraceback = Internal("takeTraceback");
        _trip = Internal("trip");
        _makeEnv = Internal("makeEnv");
        if (_options.NativePatternWork != new LuaEngineOptions().NativePatternWork)
        {
            using var setWork = Internal("setNativePatternWork");
            Call(setWork, new LuaFloat(_options.NativePatternWork));
        }
        if (_options.SoftInstructionBudget > 0) _softTrip = PrepareSoftBudget();
        if (_options.YieldingCountHooks) PreparePreemption();
        if (_options.HostYields) PrepareHostYields();
        // charge(n, k): n instructions of native work plus k coroutine creations, each one hook interval.
        _main.GarbageCollector(LuaGC.Restart, 0);
        using (var bill = Register(null, "charge", args => Charge(Count(args[1]) + Count(args[2]) * _options.HookInterval)))
        using (var setCharge = Internal("setCharge"))
        {
            Call(setCharge, bill);
        }
    }

    public LuaEngineOptions Options => _options;

    /// <summary>Bytes the state currently holds.</summary>
    public long MemoryInUse => _memory.Allocated;

    private static long Count(LuaValue value) => value is LuaInteger n ? Math.Max(0, n.Value) : 0;

    /// <summary>
    /// A fresh environment table built from the allow-list in Sandbox/README.md: the safe base library, copies of
    /// string/table/math/utf8/coroutine, a small os, debug.traceback, a text-only load bound to this environment.
    /// No io, package, require, dofile, loadfile, os.execute/remove/rename/exit/getenv/tmpname or debug hooks, and
    /// nothing that reaches the CLR: only functions the caller registers with <see cref="Register"/>.
    /// </summary>
    public LuaRef CreateEnvironment() => CreateEnvironment(SandboxDebug.TracebackOnly);

    /// <summary>
    /// As <see cref="CreateEnvironment()"/>, choosing the <c>debug</c> library. <see cref="SandboxDebug.Introspection"/>
    /// is for a state that belongs to one guest, such as a CraftOS computer booting a kernel: it can change the type
    /// metatables of the whole state (see Sandbox/README.md).
    /// </summary>
    public LuaRef CreateEnvironment(SandboxDebug debug)
    {
        ThrowIfDisposed();
        var state = Current;
        PushRef(state, _makeEnv);
        state.PushBoolean(debug == SandboxDebug.Introspection);
        state.PushBoolean(_options.TrustedBinaryChunks);
        var status = ProtectedCall(state, 2, 1);
        if (status != LuaStatus.OK) throw Fail(state, status, TakeTraceback(state));
        return RefTop(state);
    }

    /// <summary>Compiles a text chunk whose globals are <paramref name="environment"/> (there is no way to give a chunk
    /// the real globals). Binary chunks are refused with a clear error, never loaded.</summary>
    public LuaRef Load(string source, string chunkName, LuaRef environment) =>
        Load(System.Text.Encoding.UTF8.GetBytes(source), chunkName, environment);

    /// <inheritdoc cref="Load(string,string,LuaRef)"/>
    public LuaRef Load(byte[] source, string chunkName, LuaRef environment)
    {
        ThrowIfDisposed();
        if (source.Length > 0 && source[0] == 0x1b)
        {
            throw new LuaScriptException(LuaErrorKind.Syntax,
                LuaString.From($"{chunkName}: binary chunks are not allowed; load Lua source text"), null);
        }
        var state = Current;
        var status = state.LoadBuffer(source, chunkName, "t");
        if (status != LuaStatus.OK) throw Fail(state, status, traceback: null);
        PushRef(state, environment);
        state.SetUpValue(-2, 1);
        return RefTop(state);
    }

    /// <summary>Loads a chunk compiled by <see cref="CompiledChunk.Compile"/> (never bytes from elsewhere), with
    /// <paramref name="environment"/> as its globals, as <see cref="Load(string,string,LuaRef)"/> does for text.</summary>
    public LuaRef Load(CompiledChunk chunk, LuaRef environment)
    {
        ThrowIfDisposed();
        var state = Current;
        var status = state.LoadBuffer(chunk.Bytecode, chunk.Name, "b");
        if (status != LuaStatus.OK) throw Fail(state, status, traceback: null);
        PushRef(state, environment);
        state.SetUpValue(-2, 1);
        return RefTop(state);
    }

    /// <summary>Creates a coroutine that will run <paramref name="function"/> when first resumed. A thread whose
    /// last coroutine returned normally is reused (the C API starts a new function on a thread whose stack is empty
    /// and whose status is OK): a syscall per coroutine then costs no new thread, registry slot or .NET wrapper.</summary>
    public LuaCoroutine CreateCoroutine(LuaRef function)
    {
        ThrowIfDisposed();
        if (_idleThreads.TryPop(out var idle))
        {
            PushRef(idle.State, function);
            return new LuaCoroutine(this, idle.Thread, idle.State);
        }
        var state = Current;
        var thread = state.NewThread();
        PushRef(thread, function);
        return new LuaCoroutine(this, RefTop(state), thread);
    }

    private const int MaxIdleThreads = 4;
    private readonly Stack<(LuaRef Thread, LuaState State)> _idleThreads = new();

    /// <summary>Takes back the thread of a coroutine that returned normally, for the next <see cref="CreateCoroutine"/>;
    /// false when it is not reusable (an error or a trip killed it, values are left on it, or enough are idle).</summary>
    internal bool Recycle(LuaRef thread, LuaState state)
    {
        if (_disposed || _idleThreads.Count >= MaxIdleThreads) return false;
        if (state.Status != LuaStatus.OK || state.GetTop() != 0) return false;
        _idleThreads.Push((thread, state));
        return true;
    }

    /// <summary>
    /// Stops Lua's garbage collector until the result is disposed: for the host's own setup code (a kernel running
    /// its glue scripts), which builds tables and closures and makes almost no garbage, so collecting during it is
    /// wasted work. The memory limit still holds: an allocation that would fail runs an emergency collection first.
    /// Not for guest code: garbage it makes would pile up to the limit.
    /// </summary>
    public IDisposable PauseCollector()
    {
        ThrowIfDisposed();
        _main.GarbageCollector(LuaGC.Stop, 0);
        return new CollectorRestart(this);
    }

    private sealed class CollectorRestart(LuaEngine engine) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done || engine._disposed) return;
            _done = true;
            engine._main.GarbageCollector(LuaGC.Restart, 0);
        }
    }

    /// <summary>Creates an empty table.</summary>
    public LuaRef NewTable()
    {
        var state = Current;
        state.NewTable();
        return RefTop(state);
    }

    /// <summary>Creates a table holding a copy of <paramref name="value"/>.</summary>
    public LuaRef NewTable(LuaTable value)
    {
        var state = Current;
        LuaMarshal.Push(state, value);
        return RefTop(state);
    }

    /// <summary>Raw-sets <c>table[key] = value</c>.</summary>
    public void SetField(LuaRef table, string key, LuaArg value)
    {
        var state = Current;
        PushRef(state, table);
        state.PushString(key);
        PushArg(state, value);
        // Raw: lua_setfield would run a __newindex metamethod here, outside any protected call.
        state.RawSet(-3);
        state.Pop(1);
    }

    /// <summary>Reads <c>table[key]</c> (raw) as plain data.</summary>
    public LuaValue GetField(LuaRef table, string key)
    {
        var state = Current;
        var top = state.GetTop();
        try
        {
            PushRef(state, table);
            state.PushString(key);
            state.RawGet(-2);
            return LuaMarshal.Pull(state, -1);
        }
        finally
        {
            state.SetTop(top);
        }
    }

    /// <summary>Reads <c>table[key]</c> (raw) as a handle; null when the field is nil.</summary>
    public LuaRef? GetFieldRef(LuaRef table, string key)
    {
        var state = Current;
        PushRef(state, table);
        state.PushString(key);
        state.RawGet(-2);
        state.Remove(-2);
        if (state.IsNil(-1))
        {
            state.Pop(1);
            return null;
        }
        return RefTop(state);
    }

    /// <summary>A deep plain-data copy of the referenced value.</summary>
    public LuaValue ToValue(LuaRef reference)
    {
        var state = Current;
        var top = state.GetTop();
        try
        {
            PushRef(state, reference);
            return LuaMarshal.Pull(state, -1);
        }
        finally
        {
            state.SetTop(top);
        }
    }

    /// <summary>True when both handles name the same Lua object.</summary>
    public bool SameObject(LuaRef a, LuaRef b)
    {
        var state = Current;
        PushRef(state, a);
        PushRef(state, b);
        var same = state.RawEqual(-1, -2);
        state.Pop(2);
        return same;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_idleThreads.TryPop(out var idle)) idle.Thread.Dispose();
        Engines.TryRemove(_main.Handle, out _);
        _main.Close();
        _memory.Dispose();
    }

    internal void Release(LuaRef reference)
    {
        if (_disposed) return;
        _main.Unref(LuaRegistry.Index, reference.Reference);
    }

    internal static LuaEngine? FromState(IntPtr state)
    {
        var main = LuaState.FromIntPtr(state)?.MainThread;
        return main is not null && Engines.TryGetValue(main.Handle, out var engine) ? engine : null;
    }

    private LuaRef Internal(string key) =>
        GetFieldRef(_internals, key) ?? throw new InvalidOperationException($"engine.lua lacks '{key}'");

    internal LuaRef RefTop(LuaState state)
    {
        var type = state.TypeName(state.Type(-1));
        return new LuaRef(this, state.Ref(LuaRegistry.Index), type);
    }

    internal static void PushRef(LuaState state, LuaRef reference) =>
        state.RawGetInteger(LuaRegistry.Index, reference.Reference);

    internal static void PushArg(LuaState state, LuaArg arg)
    {
        if (arg.Ref is not null) PushRef(state, arg.Ref);
        else LuaMarshal.Push(state, arg.Value ?? LuaNil.Instance);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static readonly Lazy<CompiledChunk> EngineScript = new(() => CompileResource("engine.lua"));
    private static readonly Lazy<CompiledChunk> PatternsScript = new(() => CompileResource("patterns.lua"));

    private static CompiledChunk CompileResource(string name) =>
        CompiledChunk.Compile(System.Text.Encoding.UTF8.GetString(EmbeddedResource.Bytes(typeof(LuaEngine).Assembly, "Phoenix.Lua." + name)), "=[engine]");
}
