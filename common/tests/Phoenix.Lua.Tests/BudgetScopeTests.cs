namespace Phoenix.Lua.Tests;

/// <summary>
/// <see cref="LuaEngine.BudgetScope"/>: code that burns most of a budget and yields must not get a fresh budget from
/// every resume the host makes while one scope is open, and scopes end.
/// </summary>
public class BudgetScopeTests
{
    private const string BurnAndYield = "for i = 1, 50 do for j = 1, 100000 do end coroutine.yield(i) end return 'done'";

    private static LuaEngine Engine() => new(new LuaEngineOptions { InstructionBudget = 2_000_000 });

    private static CoroutineStep ResumeToEnd(LuaEngine engine)
    {
        using var env = engine.CreateEnvironment();
        using var body = engine.Load(BurnAndYield, "=burner", env);
        using var co = engine.CreateCoroutine(body);
        var step = co.Resume();
        while (step.Status == CoroutineStatus.Yielded) step = co.Resume();
        return step;
    }

    [Test]
    public void WithoutScope_EachResumeHasItsOwnBudget()
    {
        using var engine = Engine();
        Assert.That(ResumeToEnd(engine).Status, Is.EqualTo(CoroutineStatus.Finished), "each resume runs ~400k instructions of a 2M budget");
    }

    [Test]
    public void InScope_ResumesShareOneBudget()
    {
        using var engine = Engine();
        using (engine.BudgetScope())
        {
            var error = Assert.Throws<LuaScriptException>(() => ResumeToEnd(engine))!;
            Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Budget));
        }
    }

    [Test]
    public void AfterScope_TheNextEntryHasAFullBudget()
    {
        using var engine = Engine();
        using (engine.BudgetScope())
        {
            Assert.Throws<LuaScriptException>(() => ResumeToEnd(engine));
        }
        using (engine.BudgetScope())
        {
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load("for j = 1, 1000000 do end return 1", "=next", env);
            Assert.That(engine.Call(chunk), Has.Count.EqualTo(1));
        }
    }
}
