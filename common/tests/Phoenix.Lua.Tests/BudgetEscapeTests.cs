using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>Ways Lua can run with hooks off (outside the instruction budget) are closed in the sandbox.</summary>
public class BudgetEscapeTests
{
    [Test]
    public void XpcallHandlerThatLoops_AfterBudgetAbort_IsSkipped()
    {
        Deadline.Run(() =>
        {
            using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = 1_000_000 });
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load("return xpcall(function() while true do end end, function() while true do end end)", "=x", env);
            Assert.That(() => engine.Call(chunk), Throws.TypeOf<LuaScriptException>().With.Property("Kind").EqualTo(LuaErrorKind.Budget));
        });
    }

    [Test]
    public void XpcallHandler_ForOrdinaryErrors_StillRuns()
    {
        Deadline.Run(() =>
        {
            using var engine = new LuaEngine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load("return xpcall(function() error('boom', 0) end, function(e) return 'handled ' .. e end)", "=x", env);
            Assert.That(engine.Call(chunk), Is.EqualTo(new LuaValue[] { false, "handled boom" }));
        });
    }

    [Test]
    public void SetmetatableWithGc_IsRefused()
    {
        Deadline.Run(() =>
        {
            using var engine = new LuaEngine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load("return pcall(setmetatable, {}, { __gc = function() while true do end end })", "=gc", env);
            var results = engine.Call(chunk);
            Assert.That(results[0], Is.EqualTo((LuaValue)false));
            Assert.That(((LuaString)results[1]).Text, Does.Contain("__gc metamethods are not available"));
        });
    }

    [Test]
    public void CallbackResults_PushedAtMemoryLimit_DoNotCrash_AndLuaFailsCleanlyAfterwards()
    {
        Deadline.Run(() =>
        {
            using var engine = new LuaEngine(new LuaEngineOptions { MemoryLimitBytes = 8 * 1024 * 1024 });
            using var env = engine.CreateEnvironment();
            engine.Register(env, "big", _ => [new LuaString(new byte[256 * 1024])]).Dispose();
            // Fill memory up to the limit inside Lua, keep it alive, then ask C# for a large result.
            using var chunk = engine.Load(
                "local t = {} pcall(function() while true do t[#t + 1] = ('x'):rep(4096) .. #t end end) " +
                "local ok, s = pcall(big) return ok, ok and #s or s, #t > 0",
                "=fill", env);
            var results = engine.Call(chunk);
            Assert.That(results[2], Is.EqualTo((LuaValue)true));
            using var after = engine.Load("return 40 + 2", "=after", env);
            Assert.That(engine.Call(after), Is.EqualTo(new LuaValue[] { 42L }));
        });
    }
}
