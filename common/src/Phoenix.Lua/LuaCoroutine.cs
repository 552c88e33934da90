// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using Phoenix.Values;
using Phoenix.Lua.Marshalling;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>How a resume ended.</summary>
public enum CoroutineStatus
{
    Yielded,
    Finished,

    /// <summary>Host code inside yielded to this resumer with <see cref="LuaEngine.HostYield"/> (the values are what it
    /// passed); the next resume's values are its results.</summary>
    HostYielded,
}

/// <summary>The values a coroutine yielded or returned.</summary>
public sealed record CoroutineStep(CoroutineStatus Status, IReadOnlyList<LuaValue> Values);

/// <summary>
/// A Lua coroutine driven from C#: the kernel runs syscalls in one so that module code reached from a syscall may
/// yield (facts §1.6). Each resume runs inside the instruction budget (its own, or the open
/// <see cref="LuaEngine.BudgetScope"/>'s); an error throws
/// <see cref="LuaScriptException"/> and leaves the coroutine dead.
/// </summary>
public sealed class LuaCoroutine : IDisposable
{
    private readonly LuaEngine _engine;
    private readonly LuaRef _thread;
    private readonly LuaState _state;

    internal LuaCoroutine(LuaEngine engine, LuaRef thread, LuaState state)
    {
        _engine = engine;
        _thread = thread;
        _state = state;
    }

    public bool IsDead { get; private set; }

    /// <summary>Starts the coroutine with <paramref name="args"/>, or resumes it, passing them as yield's results.</summary>
    public CoroutineStep Resume(params LuaArg[] args)
    {
        if (IsDead) throw new InvalidOperationException("The coroutine is dead.");
        if (!_state.CheckStack(args.Length + 4)) throw new InvalidOperationException("Lua stack overflow");
        var argumentBase = _state.GetTop();
        try
        {
            foreach (var arg in args) LuaEngine.PushArg(_state, arg);
        }
        catch
        {
            // Leftover arguments would shift the next resume's stack (a fresh coroutine would call them).
            _state.SetTop(argumentBase);
            throw;
        }
        _engine.EnterBudget();
        var host = _engine.EnterLua();
        LuaStatus status;
        int resultCount;
        var tripped = false;
        try
        {
            status = _state.Resume(_engine.Current, args.Length, out resultCount);
        }
        finally
        {
            _engine.LeaveLua(host);
            tripped = _engine.LeaveBudget();
        }
        if (tripped)
        {
            // Overran and was aborted, but the abort was caught without another instruction running: still a failure.
            IsDead = true;
            _state.SetTop(0);
            throw _engine.BudgetExceeded();
        }
        if (status is LuaStatus.OK or LuaStatus.Yield)
        {
            var top = _state.GetTop();
            var hostYield = status == LuaStatus.Yield && resultCount > 0 && _engine.IsHostYieldMark(_state, top - resultCount + 1);
            if (hostYield)
            {
                // The mark is engine-private: it goes no further than here.
                _state.Remove(top - resultCount + 1);
                resultCount--;
                top--;
            }
            var values = new LuaValue[resultCount];
            try
            {
                for (var i = 0; i < resultCount; i++) values[i] = LuaMarshal.Pull(_state, top - resultCount + 1 + i);
            }
            catch (LuaScriptException)
            {
                // A value too large to cross: the coroutine cannot go on meaningfully; it fails like a Lua error.
                _state.SetTop(top - resultCount);
                IsDead = true;
                throw;
            }
            _state.Pop(resultCount);
            IsDead = status == LuaStatus.OK;
            _finished = IsDead;
            return new CoroutineStep(IsDead ? CoroutineStatus.Finished : hostYield ? CoroutineStatus.HostYielded : CoroutineStatus.Yielded, values);
        }
        IsDead = true;
        _state.Traceback(_state, null, 0);
        var traceback = _state.ToString(-1, false);
        _state.Pop(1);
        throw _engine.Fail(_state, status, traceback);
    }

    private bool _finished;
    private bool _disposed;

    /// <summary>Releases the thread; one whose function returned normally goes back to the engine for reuse.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_finished && _engine.Recycle(_thread, _state)) return;
        _thread.Dispose();
    }
}
