using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// The introspection debug library (<see cref="SandboxDebug.Introspection"/>), for a state owned by one guest kernel:
/// what kernels such as Phoenix rebuild from it works (getfenv/setfenv from upvalues, type metatables, levels), while
/// engine and host functions stay sealed and the budget keeps the hook.
/// </summary>
public class IntrospectionDebugTests
{
    private static EngineHost Host(LuaEngineOptions? options = null) => new(options, SandboxDebug.Introspection);

    [Test]
    public void Library_HasTheIntrospectionFunctions_AndNoRegistry()
    {
        using var host = Host();
        var names = host.Run("local t = {} for k in pairs(debug) do t[#t + 1] = k end table.sort(t) return table.concat(t, ' ')");
        Assert.That(names, Is.EqualTo(new LuaValue[]
        {
            "gethook getinfo getlocal getmetatable getupvalue sethook setlocal setmetatable setupvalue traceback upvalueid upvaluejoin",
        }));
    }

    [Test]
    public void GetfenvAndSetfenv_RebuiltFromUpvalues_WorkOnGuestFunctions()
    {
        // The way Phoenix 0.0.9 rebuilds them on Lua 5.2+ (facts: craftos-host-notes §3): find _ENV, then join it.
        using var host = Host();
        var results = host.Run("""
            local function getfenv(fn)
                local i = 1
                while true do
                    local name, value = debug.getupvalue(fn, i)
                    if name == "_ENV" then return value elseif not name then return nil end
                    i = i + 1
                end
            end
            local function setfenv(fn, env)
                local i = 1
                while true do
                    local name = debug.getupvalue(fn, i)
                    if name == "_ENV" then debug.upvaluejoin(fn, i, function() return env end, 1) return fn
                    elseif not name then return fn end
                    i = i + 1
                end
            end
            local function f() return marker end
            local before = getfenv(f) == _ENV
            setfenv(f, { marker = "moved" })
            return before, f()
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { true, "moved" }));
    }

    [TestCase("load")]
    [TestCase("xpcall")]
    [TestCase("setmetatable")]
    [TestCase("coroutine.wrap")]
    [TestCase("coroutine.resume")]
    [TestCase("string.rep")]
    [TestCase("debug.getupvalue")]
    public void EngineFunctions_AreSealed(string function)
    {
        // Their upvalues are the real load (binary chunks), xpcall, setmetatable, the budget message and the like.
        using var host = Host();
        var results = host.Run($$"""
            local f = {{function}}
            local got = debug.getupvalue(f, 1)
            local set = pcall(debug.setupvalue, f, 1, nil)
            local joined = pcall(debug.upvaluejoin, f, 1, function() return f end, 1)
            return got, set, joined, debug.upvalueid(f, 1)
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { LuaValue.Nil, false, false, LuaValue.Nil }));
    }

    [Test]
    public void CFunctionsAndRegisteredCallbacks_HaveNoUpvalues()
    {
        using var host = Host();
        using var callback = host.Engine.Register(host.Env, "hostFunction", _ => []);
        var results = host.Run("return debug.getupvalue(string.format, 1), debug.getupvalue(hostFunction, 1), pcall(debug.setupvalue, hostFunction, 1, 99)");
        Assert.That(results[0], Is.EqualTo(LuaValue.Nil));
        Assert.That(results[1], Is.EqualTo(LuaValue.Nil));
        Assert.That(results[2], Is.EqualTo((LuaValue)false));
    }

    [Test]
    public void HostChunks_AreSealed_GuestChunksAreNot()
    {
        using var host = Host();
        host.Run("function hostMade() return secret end local secret = 1", "=[host:test]");
        var results = host.Run("""
            local secret = "guest"
            local function guestMade() return secret end
            return debug.getupvalue(hostMade, 1), debug.getupvalue(guestMade, 1)
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { LuaValue.Nil, "secret", "guest" }));
    }

    [Test]
    public void Levels_CountFromTheCaller()
    {
        using var host = Host();
        var results = host.Run("""
            local x = 5
            local name, value = debug.getlocal(1, 1)
            local info = debug.getinfo(1, "Sl")
            local co = coroutine.running()
            local byThread = debug.getinfo(co, 1, "l")
            return name, value, info.short_src, info.currentline, byThread.currentline
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { "x", 5L, "test", 3L, 5L }));
    }

    [Test]
    public void LocalsOfEngineAndCFrames_AreNotReachable()
    {
        // Inside xpcall, level 2 is the real xpcall (C) and level 3 the engine's wrapper, whose locals include the
        // message handler that skips budget aborts.
        using var host = Host();
        var results = host.Run("""
            return xpcall(function()
                return debug.getlocal(2, 1), debug.getlocal(3, 1), (pcall(debug.setlocal, 3, 1, nil))
            end, function(e) return e end)
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { true, LuaValue.Nil, LuaValue.Nil, false }));
    }

    [Test]
    public void Sethook_IsRefused_AndTheBudgetStillHolds()
    {
        using var host = Host(new LuaEngineOptions { InstructionBudget = 1_000_000 });
        var refused = host.Run("return pcall(debug.sethook, function() end, '', 1)");
        Assert.That(refused[0], Is.EqualTo((LuaValue)false));
        Assert.That(((LuaString)refused[1]).Text, Does.Contain("budget owns the debug hook"));
        var error = Assert.Throws<LuaScriptException>(() => host.Run("while true do end"));
        Assert.That(error!.Kind, Is.EqualTo(LuaErrorKind.Budget));
        Assert.That(host.Run("return debug.gethook()"), Is.EqualTo(new LuaValue[] { LuaValue.Nil }));
    }

    [Test]
    public void TypeMetatables_CanBeSet_ButNotWithFinalizers()
    {
        using var host = Host();
        var results = host.Run("""
            debug.setmetatable(0, { __index = function(n, k) return k .. n end })
            local viaNumber = (5).x
            debug.setmetatable(0, nil)
            local gc = pcall(debug.setmetatable, {}, { __gc = function() end })
            return viaNumber, gc, debug.getmetatable("").__index ~= nil
            """);
        Assert.That(results, Is.EqualTo(new LuaValue[] { "x5", false, true }));
    }

    [Test]
    public void DefaultEnvironments_KeepTracebackOnly_InTheSameState()
    {
        using var host = Host();
        using var plain = host.Engine.CreateEnvironment();
        Assert.That(host.Run(plain, "return debug.getupvalue == nil and debug.traceback ~= nil"), Is.EqualTo(new LuaValue[] { true }));
    }
}
