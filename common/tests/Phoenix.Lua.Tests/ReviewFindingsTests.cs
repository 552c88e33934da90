using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>Regression tests for escapes found in review: each ran unbounded (or exhausted host memory) before.</summary>
public class ReviewFindingsTests
{
    private static LuaEngine Engine() => new(new LuaEngineOptions { InstructionBudget = 2_000_000, MemoryLimitBytes = 64L * 1024 * 1024 });

    [Test]
    public void CloseHandlerOfCoroutineKilledByBudget_DoesNotRunUnbounded()
    {
        Deadline.Run(() =>
        {
            using var engine = Engine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load(
                "local f = coroutine.wrap(function() " +
                "  local g <close> = setmetatable({}, { __close = function() while true do end end }) " +
                "  while true do end end) f()", "=close", env);
            Assert.That(() => engine.Call(chunk), Throws.TypeOf<LuaScriptException>().With.Property("Kind").EqualTo(LuaErrorKind.Budget));
        });
    }

    [Test]
    public void CoroutineClose_AfterBudgetKill_DoesNotRunCloseHandlers()
    {
        Deadline.Run(() =>
        {
            using var engine = Engine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load(
                "local co = coroutine.create(function() " +
                "  local g <close> = setmetatable({}, { __close = function() while true do end end }) " +
                "  while true do end end) coroutine.resume(co) coroutine.close(co)", "=close", env);
            Assert.That(() => engine.Call(chunk), Throws.TypeOf<LuaScriptException>().With.Property("Kind").EqualTo(LuaErrorKind.Budget));
        });
    }

    [Test]
    public void WorkSpreadOverManyShortCoroutines_StillHitsTheBudget()
    {
        Deadline.Run(() =>
        {
            using var engine = Engine();
            using var env = engine.CreateEnvironment();
            // Each leaf stays under one hook interval, which a new thread would otherwise run uncounted.
            using var chunk = engine.Load(
                "local function spawn(d) if d == 0 then for i = 1, 300 do end return end " +
                "  for i = 1, 120 do coroutine.wrap(spawn)(d - 1) end end spawn(3)", "=tree", env);
            Assert.That(() => engine.Call(chunk), Throws.TypeOf<LuaScriptException>().With.Property("Kind").EqualTo(LuaErrorKind.Budget));
        });
    }

    [Test]
    public void ValueWithSharedSubtables_IsRefusedInsteadOfCopiedExponentially()
    {
        Deadline.Run(() =>
        {
            using var engine = Engine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load("local t = {} for i = 1, 40 do t = { t, t } end return t", "=dag", env);
            var error = Assert.Throws<LuaScriptException>(() => engine.Call(chunk))!;
            Assert.That(error.Message, Does.Contain("value too large"));
            using var after = engine.Load("return 1", "=after", env);
            Assert.That(engine.Call(after), Is.EqualTo(new LuaValue[] { 1L }));
        });
    }

    [TestCase("return string.rep('', math.maxinteger)")]
    [TestCase("return (''):rep(math.maxinteger)")]
    [TestCase("return #table.move({}, 1, 1 << 62, 2)")]
    // Each row: a C function that would loop for ever on degenerate arguments, outside the instruction count.
    public void DegenerateCFunctionLoops_EndQuickly(string code)
    {
        // Ending at all is the point (Deadline fails the test otherwise); ending with a result or a plain Lua error.
        var failure = Deadline.Run(() =>
        {
            using var engine = Engine();
            using var env = engine.CreateEnvironment();
            using var chunk = engine.Load(code, "=c", env);
            try
            {
                engine.Call(chunk);
                return (LuaErrorKind?)null;
            }
            catch (LuaScriptException e)
            {
                return e.Kind;
            }
        });
        Assert.That(failure, Is.Null.Or.EqualTo(LuaErrorKind.Runtime));
    }
}
