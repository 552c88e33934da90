using Phoenix.Values;

namespace Phoenix.Lua.Tests;

public class EngineSafetyTests
{
    [Test]
    public void RunawayLoop_PastBudget_AbortsWithBudgetError()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 1_000_000 });
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("while true do end", "=runaway", env);
        var error = Assert.Throws<LuaScriptException>(() => engine.Call(chunk))!;
        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Budget));
        Assert.That(error.Message, Does.Contain("instruction budget exceeded"));
    }

    [Test]
    public void RunawayLoop_InsidePcall_StillAborts()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 1_000_000 });
        using var env = engine.CreateEnvironment();
        // A module that catches the budget error must not be able to keep running.
        using var chunk = engine.Load("for i = 1, 10 do pcall(function() while true do end end) end while true do end", "=catcher", env);
        var error = Assert.Throws<LuaScriptException>(() => engine.Call(chunk))!;
        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void RunawayLoop_InsideSortComparator_Aborts()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 1_000_000 });
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("table.sort({3,2,1}, function(a, b) while true do end end)", "=sort", env);
        Assert.That(() => engine.Call(chunk), Throws.TypeOf<LuaScriptException>().With.Property("Kind").EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void Engine_AfterBudgetAbort_RunsNewCodeNormally()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 1_000_000 });
        using var env = engine.CreateEnvironment();
        using var bad = engine.Load("while true do end", "=bad", env);
        Assert.Throws<LuaScriptException>(() => engine.Call(bad));
        using var good = engine.Load("local s = 0 for i = 1, 1000 do s = s + i end return s", "=good", env);
        Assert.That(engine.Call(good), Is.EqualTo(new LuaValue[] { 500500L }));
    }

    [Test]
    public void FailingCallback_CalledManyTimesFromLua_ProcessSurvives()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        engine.Register(env, "refuse", _ => throw new LuaRaiseException("no"));
        engine.Register(env, "crash", _ => throw new InvalidOperationException("boom"));
        using var chunk = engine.Load(
            "local n = 0 for i = 1, 20000 do if not pcall(refuse) then n = n + 1 end if not pcall(crash) then n = n + 1 end end return n, select(2, pcall(crash))",
            "=loop", env);
        var results = engine.Call(chunk);
        Assert.That(results[0], Is.EqualTo((LuaValue)40000L));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("internal error in crash: boom"));
    }

    [Test]
    public void BinaryChunk_IsRefused()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        var binary = new byte[] { 0x1b, (byte)'L', (byte)'u', (byte)'a', 0x54, 0 };
        var error = Assert.Throws<LuaScriptException>(() => engine.Load(binary, "=bin", env))!;
        Assert.That(error.Message, Does.Contain("binary chunks are not allowed"));
    }

    [Test]
    public void SandboxLoad_WithBinaryString_ReturnsNilAndMessage()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("return load(string.char(27) .. 'Lua')", "=l", env);
        var results = engine.Call(chunk);
        Assert.That(results[0], Is.EqualTo(LuaValue.Nil));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("binary"));
    }

    [Test]
    public void AllocationPastMemoryLimit_FailsWithMemoryError_AndEngineRecovers()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { MemoryLimitBytes = 16 * 1024 * 1024 });
        using var env = engine.CreateEnvironment();
        using var hog = engine.Load("local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(100) .. i end", "=hog", env);
        var error = Assert.Throws<LuaScriptException>(() => engine.Call(hog))!;
        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Memory));
        using var good = engine.Load("return 1 + 1", "=good", env);
        Assert.That(engine.Call(good), Is.EqualTo(new LuaValue[] { 2L }));
    }

    [Test]
    public void Coroutine_YieldsAndFinishes()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var fn = engine.Load("local a = ... local b = coroutine.yield(a + 1) return b * 2", "=co", env);
        using var co = engine.CreateCoroutine(fn);
        var first = co.Resume(10L);
        Assert.That(first.Status, Is.EqualTo(CoroutineStatus.Yielded));
        Assert.That(first.Values, Is.EqualTo(new LuaValue[] { 11L }));
        var second = co.Resume(21L);
        Assert.That(second.Status, Is.EqualTo(CoroutineStatus.Finished));
        Assert.That(second.Values, Is.EqualTo(new LuaValue[] { 42L }));
    }
}
