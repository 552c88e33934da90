// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using Phoenix.Values;
using Phoenix.Lua.Marshalling;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

public sealed partial class LuaEngine
{
    private readonly LuaHookFunction _hook;
    private readonly Stack<LuaState> _running = new();
    private int _depth;

    // Non-zero while C# code (a callback body, a hook) works on a Lua stack; see Allocate.
    private int _hostCode;
    private long _budgetLeft;
    private bool _tripped;

    /// <summary>The thread C# code must use right now: the one running a registered callback, else the main one.
    /// Touching the main thread's stack while a coroutine runs would corrupt it.</summary>
    internal LuaState Current => _running.Count > 0 ? _running.Peek() : _main;

    /// <summary>
    /// Calls a Lua function in protected mode and returns all its results as plain data. A failure of any kind
    /// (error, memory, budget) throws <see cref="LuaScriptException"/>; the engine stays usable.
    /// </summary>
    public IReadOnlyList<LuaValue> Call(LuaRef function, params LuaArg[] args) =>
        CallCore(function, args, (state, index) => LuaMarshal.Pull(state, index));

    /// <summary>As <see cref="Call"/>, but returns handles on the results (tables the kernel keeps, such as process
    /// tables). A nil result gives a handle whose <see cref="LuaRef.LuaType"/> is "nil".</summary>
    public IReadOnlyList<LuaRef> CallForRefs(LuaRef function, params LuaArg[] args) =>
        CallCore(function, args, (state, index) =>
        {
            state.PushCopy(index);
            return RefTop(state);
        });

    private T[] CallCore<T>(LuaRef function, LuaArg[] args, Func<LuaState, int, T> convert)
    {
        ThrowIfDisposed();
        var state = Current;
        var top = state.GetTop();
        if (!state.CheckStack(args.Length + 2)) throw new InvalidOperationException("Lua stack overflow");
        PushRef(state, function);
        try
        {
            foreach (var arg in args) PushArg(state, arg);
        }
        catch
        {
            // An argument that cannot cross (an opaque value, a NaN key) must not leave half a call on the stack.
            state.SetTop(top);
            throw;
        }
        var status = ProtectedCall(state, args.Length, LuaMultipleResults);
        if (status != LuaStatus.OK) throw Fail(state, status, TakeTraceback(state));
        try
        {
            var results = new T[state.GetTop() - top];
            for (var i = 0; i < results.Length; i++) results[i] = convert(state, top + 1 + i);
            return results;
        }
        finally
        {
            // Also when a result is too large to cross (LuaMarshal's entry budget): leave the stack as it was.
            state.SetTop(top);
        }
    }

    private const int LuaMultipleResults = -1;

    /// <summary>lua_pcall with the engine's message handler, inside the budget.</summary>
    private LuaStatus ProtectedCall(LuaState state, int argumentCount, int resultCount)
    {
        var functionIndex = state.GetTop() - argumentCount;
        PushRef(state, _handler);
        state.Insert(functionIndex);
        EnterBudget();
        var host = EnterLua();
        LuaStatus status;
        var tripped = false;
        try
        {
            status = state.PCall(argumentCount, resultCount, functionIndex);
            state.Remove(functionIndex);
        }
        finally
        {
            LeaveLua(host);
            tripped = LeaveBudget();
        }
        if (tripped)
        {
            // A call that overran its budget fails as a budget failure, however it ended: whatever caught the abort
            // may have returned before another instruction ran (an xpcall in tail position), or re-raised it with
            // another value (a position prefix, a table).
            state.SetTop(functionIndex - 1);
            state.PushString(BudgetMessage);
            status = LuaStatus.ErrRun;
        }
        return status;
    }

    /// <summary>
    /// The choke point: turns a failed status and the error value on top of <paramref name="state"/> into a
    /// <see cref="LuaScriptException"/>, pops the value, and says whether the budget or memory limit caused it.
    /// </summary>
    internal LuaScriptException Fail(LuaState state, LuaStatus status, string? traceback)
    {
        var value = LuaMarshal.Pull(state, -1);
        state.Pop(1);
        var kind = status switch
        {
            LuaStatus.ErrSyntax => LuaErrorKind.Syntax,
            LuaStatus.ErrMem => LuaErrorKind.Memory,
            LuaStatus.ErrErr => LuaErrorKind.ErrorHandler,
            _ when value is LuaString s && s.Text == BudgetMessage => LuaErrorKind.Budget,
            _ => LuaErrorKind.Runtime,
        };
        return new LuaScriptException(kind, value, traceback);
    }

    private string? TakeTraceback(LuaState state)
    {
        PushRef(state, _takeTraceback);
        var traceback = state.PCall(0, 1, 0) == LuaStatus.OK && state.IsString(-1) ? state.ToString(-1, false) : null;
        state.Pop(1);
        return traceback;
    }

    private string BudgetMessage =>
        $"instruction budget exceeded: the code ran more than {_options.InstructionBudget} Lua instructions without finishing";

    private void InstallBudgetHook(LuaState state) => state.SetHook(_hook, LuaHookMask.Count, _options.HookInterval);

    /// <summary>Lua code is about to run: the memory limit applies again until it returns.</summary>
    internal int EnterLua()
    {
        var saved = _hostCode;
        _hostCode = 0;
        SyncLimit();
        return saved;
    }

    internal void LeaveLua(int saved)
    {
        _hostCode = saved;
        SyncLimit();
    }

    /// <summary>C# code starts or stops working on a Lua stack (a callback body, a hook): see EnterLua.</summary>
    internal void EnterHostCode()
    {
        _hostCode++;
        SyncLimit();
    }

    internal void LeaveHostCode()
    {
        _hostCode--;
        SyncLimit();
    }

    /// <summary>The limit is enforced only while Lua code runs. A failed allocation while C# pushes values would raise
    /// outside a protected call (Lua's panic: the process aborts) or unwind through a C# frame, so host code may
    /// overrun the limit briefly; the Lua code that runs next fails cleanly instead.</summary>
    private void SyncLimit() => _memory.Enforce(_depth > 0 && _hostCode == 0);

    /// <summary>The budget is per top-level entry from C#: nested calls from callbacks share their caller's. Inside a
    /// <see cref="BudgetScope"/>, every top-level entry shares the scope's.</summary>
    internal void EnterBudget()
    {
        if (_depth++ == 0 && _scopes == 0) RefillBudget();
        SyncLimit();
    }

    private void RefillBudget()
    {
        _budgetLeft = _options.InstructionBudget;
        _tripped = false;
        _softRaised = false;
    }

    /// <summary>
    /// A full collection once no Lua code runs, when the state holds more than half its limit. Lua collects before
    /// it fails an allocation of its own, but not for buffers (string.rep, concat, gsub and friends allocate through
    /// lauxlib, which fails at once): without this, the garbage a program left when it ran out of memory makes every
    /// later program fail the same way. No finalizer can run here: the sandbox refuses <c>__gc</c>.
    /// </summary>
    private void ReclaimIfHigh()
    {
        if (MemoryInUse > _options.MemoryLimitBytes / 2) _main.GarbageCollector(LuaGC.Collect, 0);
    }

    /// <summary>
    /// One instruction budget for several top-level entries: a syscall or program that C# resumes again after each
    /// plain yield must not get a fresh budget per resume, or code that burns most of a budget and yields runs
    /// without bound. Scopes nest; the outermost one sets the budget. Dispose ends the scope.
    /// </summary>
    public IDisposable BudgetScope()
    {
        ThrowIfDisposed();
        if (_scopes++ == 0 && _depth == 0) RefillBudget();
        return new ScopeEnd(this);
    }

    private int _scopes;

    private sealed class ScopeEnd(LuaEngine engine) : IDisposable
    {
        private bool _ended;

        public void Dispose()
        {
            if (_ended) return;
            _ended = true;
            engine._scopes--;
        }
    }

    /// <summary>Leaves a budgeted entry; true when this ended a top-level entry during which the budget tripped.</summary>
    internal bool LeaveBudget()
    {
        if (--_depth == 0) ReclaimIfHigh();
        SyncLimit();
        if (_depth == 0 && _tripped)
        {
            // The trip replaced the hook on the thread that overran; give the main thread the budget hook back. Any
            // other thread that tripped is dead or fails again at once (a top-level coroutine that overran is dead),
            // and keeps the abort hook: that is how the sandbox's coroutine.close knows it must not close it.
            InstallBudgetHook(_main);
            _tripped = false;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Bills native work the count hook cannot see, in instructions: a new coroutine the one hook interval it could
    /// run before its own count hook first fires (each thread counts down separately), a full garbage collection its
    /// share of the heap. Returns the budget message once the budget is spent, for the Lua side to trip.
    /// </summary>
    private IReadOnlyList<LuaArg> Charge(long instructions)
    {
        if (_depth == 0 || _tripped) return [];
        _budgetLeft -= Math.Max(0, instructions);
        if (_budgetLeft > 0) return [];
        _tripped = true;
        return [BudgetMessage];
    }

    /// <summary>The failure of a top-level entry that overran its budget.</summary>
    internal LuaScriptException BudgetExceeded() =>
        new(LuaErrorKind.Budget, LuaString.From(BudgetMessage), null);

    /// <summary>
    /// Native count hook. It must never throw or raise: it only counts, and once the budget is spent it runs the
    /// engine's Lua <c>trip</c>, which installs a Lua hook that raises at the next instruction. The error then
    /// unwinds through Lua and C frames only.
    /// </summary>
    private void OnCountHook(IntPtr statePointer, IntPtr debugInfo)
    {
        try
        {
            // No early return once tripped: the thread that tripped may be a coroutine that dies of the abort while
            // its resumer catches the error and runs on, so every thread still counting past the budget trips too.
            if (_depth == 0) return;
            _budgetLeft -= _options.HookInterval;
            if (_options.SoftInstructionBudget > 0 && !_softRaised) CheckSoftBudget(statePointer);
            if (_budgetLeft > 0)
            {
                if (_preempt.Count > 0) CheckPreempt(statePointer);
                return;
            }
            _tripped = true;
            EnterHostCode();
            var state = LuaState.FromIntPtr(statePointer);
            PushRef(state, _trip);
            state.PushString(BudgetMessage);
            if (state.PCall(1, 0, 0) != LuaStatus.OK) state.Pop(1);
            LeaveHostCode();
        }
        catch
        {
            // A hook that throws would tear down the process; the budget simply does not trip this time.
        }
    }
}
