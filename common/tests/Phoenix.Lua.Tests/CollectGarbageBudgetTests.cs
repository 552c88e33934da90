using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>Full collections run in C where the count hook cannot see them; they are billed to the budget, so a
/// loop of them on a large heap ends with the budget instead of running for minutes.</summary>
public class CollectGarbageBudgetTests
{
    [TestCase("collectgarbage()")]
    [TestCase("collectgarbage('collect')")]
    [TestCase("collectgarbage('step', 1000000)")]
    public void LoopOfCollections_OnALargeHeap_RunsOutOfBudget(string collect)
    {
        var outcome = Deadline.Run(() =>
        {
            using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 5_000_000 });
            using var env = engine.CreateEnvironment();
            // ~8 MB of live tables: each collection is billed ~260k instructions, so the budget allows ~20.
            using var chunk = engine.Load($"local keep = {{}} for i = 1, 100000 do keep[i] = {{i}} end for i = 1, 1e9 do {collect} end", "=gc", env);
            return Assert.Throws<LuaScriptException>(() => engine.Call(chunk))!.Kind;
        });
        Assert.That(outcome, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void ACollection_StillWorks()
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("local t = {} for i = 1, 1000 do t[i] = {} end t = nil collectgarbage() return collectgarbage('count') > 0", "=gc", env);
        Assert.That(engine.Call(chunk), Is.EqualTo(new Phoenix.Values.LuaValue[] { true }));
    }
}
