using Phoenix.Values;

namespace Phoenix.Lua.Tests;

/// <summary>
/// Host yields (<see cref="LuaEngineOptions.HostYields"/>): host code yields from inside nested guest coroutines
/// straight to the C# resumer of the outermost one, and the guest's resumes in between never see it.
/// </summary>
public class HostYieldTests
{
    /// <summary>A guest program whose innermost coroutine calls the host's <c>wait</c> through a resume and a wrap;
    /// each level logs what its resume gave it, then the program yields once the guest's way.</summary>
    private const string Nested = """
        local log = {}
        local inner = coroutine.create(function()
            local got = wait("key", 7)
            log[#log + 1] = "inner got " .. tostring(got)
            coroutine.yield("inner yield")
            return "inner done"
        end)
        local middle = coroutine.wrap(function()
            local ok, v = coroutine.resume(inner)
            log[#log + 1] = "middle got " .. tostring(ok) .. " " .. tostring(v)
            return "middle done"
        end)
        local got = middle()
        log[#log + 1] = "outer got " .. tostring(got)
        coroutine.yield("outer yield")
        return table.concat(log, "; ")
        """;

    private static (LuaEngine Engine, LuaRef Env) Guest(LuaEngineOptions options)
    {
        var engine = new LuaEngine(options);
        var env = engine.CreateEnvironment();
        using var host = engine.CreateEnvironment();
        using var make = engine.Load("local hostYield = ... return function(...) return hostYield(...) end", "=[host]", host);
        using var wait = engine.CallForRefs(make, engine.HostYield!)[0];
        engine.SetField(env, "wait", wait);
        return (engine, env);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void AHostYield_ReachesTheOutermostResumer_AndItsAnswerComesBack(bool preemption)
    {
        var (engine, env) = Guest(new LuaEngineOptions { HostYields = true, YieldingCountHooks = preemption });
        using (engine)
        using (env)
        {
            using var program = engine.Load(Nested, "=guest", env);
            using var co = engine.CreateCoroutine(program);
            var parked = co.Resume();
            Assert.That(parked.Status, Is.EqualTo(CoroutineStatus.HostYielded));
            Assert.That(parked.Values, Is.EqualTo(new LuaValue[] { "key", 7L }));
            var next = co.Resume("answer");
            Assert.That(next.Status, Is.EqualTo(CoroutineStatus.Yielded));
            Assert.That(next.Values, Is.EqualTo(new LuaValue[] { "outer yield" }));
            var done = co.Resume();
            Assert.That(done.Values, Is.EqualTo(new LuaValue[] { "inner got answer; middle got true inner yield; outer got middle done" }));
        }
    }

    [Test]
    public void WhereNoYieldIsPossible_AHostYieldReturnsNothingAtOnce()
    {
        var (engine, env) = Guest(new LuaEngineOptions { HostYields = true });
        using (engine)
        using (env)
        {
            // Inside a string.gsub callback (a C call boundary), and on the main thread (a plain call).
            using var program = engine.Load("""
                local inner = coroutine.create(function()
                    local got = "unset"
                    string.gsub("x", "x", function() got = select("#", wait("key")) end)
                    return got
                end)
                local _, fromCallback = coroutine.resume(inner)
                local outer = coroutine.create(function() return select("#", wait("key")) end)
                local r = {}
                string.gsub("x", "x", function() r = { coroutine.resume(outer) } end)
                return fromCallback, r[2], select("#", wait("key"))
                """, "=guest", env);
            Assert.That(engine.Call(program), Is.EqualTo(new LuaValue[] { 0L, 0L, 0L }));
        }
    }

    [Test]
    public void WithoutTheOption_ThereIsNoHostYield()
    {
        using var engine = new LuaEngine();
        Assert.That(engine.HostYield, Is.Null);
    }
}
