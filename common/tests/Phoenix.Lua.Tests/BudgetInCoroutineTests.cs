using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// The instruction budget holds when the overrun happens inside a coroutine that Lua code created and resumed.
/// The budget trips on the thread that is running; when that thread is such a coroutine, it dies of the abort and its
/// resumer gets (false, message) back and could simply run on. Before the fix the engine tripped only once per call,
/// so the resumer then ran unbounded (a kernel hang from one line of module code). Each test runs under a deadline so
/// that a regression fails instead of hanging the test run.
/// </summary>
public class BudgetInCoroutineTests
{
    [TestCase("coroutine.resume(coroutine.create(function() while true do end end))")] // resume returns false and the caller goes on
    [TestCase("pcall(coroutine.wrap(function() while true do end end))")] // wrap re-raises, pcall swallows it
    [TestCase("for i = 1, 3 do coroutine.resume(coroutine.create(function() while true do end end)) end")] // several tripped threads in one call
    public void CaughtOverrunInCoroutine_ResumerLoopsOn_IsAbortedToo(string swallowOverrun)
    {
        var outcome = RunWithDeadline($"{swallowOverrun} while true do end");

        Assert.That(outcome, Is.TypeOf<LuaScriptException>());
        Assert.That(((LuaScriptException)outcome!).Kind, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void CaughtOverrunInCoroutine_StillFailsTheTopLevelCall()
    {
        // The resumer sees the coroutine's abort as an ordinary error value and returns at once, before another
        // instruction could trip it; the engine still fails the whole call, because it overran its budget.
        var outcome = RunWithDeadline(
            "local ok, e = coroutine.resume(coroutine.create(function() while true do end end)) return ok, e",
            budget: 1_000_000);

        Assert.That(outcome, Is.TypeOf<LuaScriptException>());
        Assert.That(((LuaScriptException)outcome!).Kind, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void OverrunInNestedCoroutine_InsideCSharpDrivenCoroutine_AbortsTheResume()
    {
        // The kernel runs syscalls in a C#-driven coroutine; module code inside it may start its own coroutines.
        var outcome = RunWithDeadline(engine =>
        {
            using var env = engine.CreateEnvironment();
            using var body = engine.Load(
                "coroutine.resume(coroutine.create(function() while true do end end)) while true do end", "=syscall", env);
            using var co = engine.CreateCoroutine(body);
            var error = Assert.Throws<LuaScriptException>(() => co.Resume())!;
            return error.Kind;
        });

        Assert.That(outcome, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void Engine_AfterOverrunInCoroutine_RunsLongerCodeNormally()
    {
        // The abort hook replaced the budget hook on the tripped threads; the next call must get a full budget and a
        // working hook again, or it would fail at once (or never be limited).
        var outcome = RunWithDeadline(engine =>
        {
            using var env = engine.CreateEnvironment();
            using var bad = engine.Load(
                "coroutine.resume(coroutine.create(function() while true do end end)) while true do end", "=bad", env);
            Assert.Throws<LuaScriptException>(() => engine.Call(bad));
            using var good = engine.Load("local s = 0 for i = 1, 100000 do s = s + i end return s", "=good", env);
            var sum = engine.Call(good);
            using var again = engine.Load("while true do end", "=again", env);
            var second = Assert.Throws<LuaScriptException>(() => engine.Call(again))!;
            return (sum[0], second.Kind);
        });

        Assert.That(outcome, Is.EqualTo(((LuaValue)5000050000L, LuaErrorKind.Budget)));
    }

    private static object? RunWithDeadline(string code, long budget = 1_000_000) => RunWithDeadline<object?>(engine =>
    {
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load(code, "=escape", env);
        try
        {
            return engine.Call(chunk).ToArray();
        }
        catch (LuaScriptException e)
        {
            return e;
        }
    }, budget);

    /// <summary>
    /// Runs <paramref name="body"/> on its own engine on a worker thread. On a hang the test fails and the engine is
    /// left to the spinning thread (never disposed under it), which ends with the test process.
    /// </summary>
    private static T RunWithDeadline<T>(Func<LuaEngine, T> body, long budget = 1_000_000) => Deadline.Run(() =>
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = budget });
        return body(engine);
    });
}
