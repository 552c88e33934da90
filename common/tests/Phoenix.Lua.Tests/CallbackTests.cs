using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// Registered C# functions (the kernel's syscalls and host services) as Lua sees them: arguments arrive as plain data
/// or handles, results go back with their count, and every failure becomes a Lua error raised by the Lua-side wrapper,
/// never a Lua error thrown through a C# frame and never a process crash.
/// </summary>
public class CallbackTests
{
    [Test]
    public void RaiseWithPosition_CalledFromLua_MessageCarriesCallerPosition()
    {
        // Like error(msg, 2): the position is the Lua line that called the function, which is what a module author
        // needs to find their bad call.
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "refuse", _ => throw new LuaRaiseException("permission denied", addPosition: true)).Dispose();

        var results = host.Run("return pcall(function()\n  refuse()\nend)", "=chunk");

        Assert.That(results, Is.EqualTo(new LuaValue[] { false, "chunk:2: permission denied" }));
    }

    [Test]
    public void RaiseWithPosition_CalledDirectlyByPcall_HasNoPosition()
    {
        // Same rule as error(msg, 2) and as C functions in real Lua: the caller here is pcall, a C function, which has
        // no line to report. pcall(string.rep) behaves the same way.
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "refuse", _ => throw new LuaRaiseException("permission denied", addPosition: true)).Dispose();

        var results = host.Run("return pcall(refuse)", "=chunk");

        Assert.That(results, Is.EqualTo(new LuaValue[] { false, "permission denied" }));
    }

    [Test]
    public void RaiseWithoutPosition_CalledFromLua_MessageIsExactlyAsGiven()
    {
        // Phoenix's own messages (for example "Module 'x' does not exist") are compared verbatim by callers.
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "refuse", _ => throw new LuaRaiseException("permission denied")).Dispose();

        var results = host.Run("return pcall(refuse)", "=chunk");

        Assert.That(results, Is.EqualTo(new LuaValue[] { false, "permission denied" }));
    }

    [Test]
    public void RaiseWithPosition_Uncaught_SurfacesAsRuntimeErrorWithPosition()
    {
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "refuse", _ => throw new LuaRaiseException("no", addPosition: true)).Dispose();

        var error = Assert.Throws<LuaScriptException>(() => host.Run("\n\nrefuse()", "=chunk"))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.Message, Is.EqualTo("chunk:3: no"));
    }

    [Test]
    public void RaiseWithTable_CalledFromLua_ErrorStaysATable()
    {
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "refuse", _ => throw new LuaRaiseException(LuaTable.Record(("code", 13L)), addPosition: true)).Dispose();

        // error() adds no position to a non-string value, even when asked to.
        var results = host.Run("local ok, e = pcall(refuse) return ok, type(e), e.code");

        Assert.That(results, Is.EqualTo(new LuaValue[] { false, "table", 13L }));
    }

    [Test]
    public void UnexpectedException_CalledFromLua_BecomesCatchableLuaError()
    {
        // A bug in a syscall must fail that call, not the kernel process.
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "buggy", _ => throw new InvalidOperationException("boom")).Dispose();

        var results = host.Run("return pcall(buggy)");

        Assert.That(results, Is.EqualTo(new LuaValue[] { false, "internal error in buggy: boom" }));
    }

    [Test]
    public void MultipleResultsWithNils_ReturnedToLua_KeepCountAndOrder()
    {
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "several", _ => [1L, LuaArg.Nil, "x", new LuaFloat(2.5), LuaArg.Nil]).Dispose();

        var results = host.Run("return select('#', several()), several()");

        Assert.That(results, Is.EqualTo(new LuaValue[] { 5L, 1L, LuaValue.Nil, "x", 2.5, LuaValue.Nil }));
    }

    [Test]
    public void NoResults_ReturnedToLua_IsAnEmptyList()
    {
        // Zero results and one nil differ under select('#').
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "nothing", _ => []).Dispose();

        Assert.That(host.Run("return select('#', nothing())"), Is.EqualTo(new LuaValue[] { 0L }));
    }

    [Test]
    public void Arguments_FromLua_ArriveAsPlainDataWithCountAndTypes()
    {
        using var host = new EngineHost();
        LuaValue[] seen = [];
        var types = new List<string>();
        var count = 0;
        host.Engine.Register(host.Env, "probe", args =>
        {
            count = args.Count;
            seen = [.. args.All()];
            types.AddRange(Enumerable.Range(1, args.Count + 1).Select(args.TypeOf));
            return [];
        }).Dispose();

        host.Run("probe(1, 2.0, 'a\\0b', nil, { 10, nil, 30, k = true }, coroutine.create(type), nil)");

        Assert.That(count, Is.EqualTo(7));
        Assert.That(seen, Is.EqualTo(new LuaValue[]
        {
            1L, 2.0, new LuaString("a\0b"u8), LuaValue.Nil,
            new LuaTable([10L, LuaValue.Nil, 30L], [new("k", true)]),
            // A coroutine cannot cross as data: only its type name does. The trailing nil still counts.
            new LuaOpaque("thread"), LuaValue.Nil,
        }));
        // TypeOf past the end answers "nil" instead of throwing, like reading a missing argument.
        Assert.That(types, Is.EqualTo(new[] { "number", "number", "string", "nil", "table", "thread", "nil", "nil" }));
    }

    [Test]
    public void FunctionArgument_FromLua_ArrivesAsOpaqueTypeName()
    {
        // Functions cannot cross as data; the type name still tells a rule "a function was passed".
        using var host = new EngineHost();
        LuaValue? seen = null;
        host.Engine.Register(host.Env, "probe", args =>
        {
            seen = args[1];
            return [];
        }).Dispose();

        host.Run("probe(function() end)");

        Assert.That(seen, Is.EqualTo((LuaValue)new LuaOpaque("function")));
    }

    [Test]
    public void TableArgumentRef_KeptByCallback_IsAHandleOnTheSameTable()
    {
        // args.Ref gives the kernel a handle (a process's table, a module's API) rather than a copy: reading it gives
        // the data, writing through it is seen by Lua, and returning it gives Lua the very same table.
        using var host = new EngineHost();
        LuaRef? kept = null;
        host.Engine.Register(host.Env, "keep", args =>
        {
            kept = args.Ref(1);
            return [kept];
        }).Dispose();

        var results = host.Run("t = { 'a', n = 1 } return rawequal(keep(t), t)");

        using (kept)
        {
            Assert.That(results, Is.EqualTo(new LuaValue[] { true }));
            Assert.That(kept!.LuaType, Is.EqualTo("table"));
            Assert.That(host.Engine.ToValue(kept), Is.EqualTo((LuaValue)new LuaTable(["a"], [new("n", 1L)])));
            host.Engine.SetField(kept, "seen", true);
            Assert.That(host.Run("return t.seen"), Is.EqualTo(new LuaValue[] { true }));
        }
    }

    [Test]
    public void FunctionArgumentRef_CalledBackFromCSharp_RunsAndErrorsTravelUnchanged()
    {
        // A syscall that calls back into module code (an iterator, a handler) may meet a Lua error; it must reach the
        // original Lua caller as the same value, not wrapped as an "internal error".
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "invoke", args =>
        {
            using var callback = args.Ref(1);
            return [.. host.Engine.Call(callback, 20L).Select(LuaArg.From)];
        }).Dispose();

        var results = host.Run(
            "local doubled = invoke(function(x) return x * 2 end) " +
            "local ok, e = pcall(invoke, function() error({ reason = 'nested' }) end) " +
            "return doubled, ok, e.reason");

        Assert.That(results, Is.EqualTo(new LuaValue[] { 40L, false, "nested" }));
    }

    [TestCase(false)] // as a result: pushing it must not throw out of the native callback
    [TestCase(true)] // as the error value of LuaRaiseException: same
    public void UnpushableValue_FromCallback_BecomesLuaErrorNotCrash(bool asError)
    {
        // A table with a NaN key cannot exist in Lua. Before the fix the push threw through the native frame and the
        // runtime ended the process (exit 134).
        using var host = new EngineHost();
        var bad = new LuaTable(null, [new(double.NaN, 1L)]);
        host.Engine.Register(host.Env, "bad", _ => asError ? throw new LuaRaiseException(bad) : [1L, bad]).Dispose();

        var results = host.Run("return pcall(bad)");

        Assert.That(results[0], Is.EqualTo((LuaValue)false));
        Assert.That(((LuaString)results[1]).Text, Does.StartWith("internal error in bad: A table key cannot be nan"));
        Assert.That(host.Run("return 'still alive'"), Is.EqualTo(new LuaValue[] { "still alive" }));
    }

    [Test]
    public void OpaqueResult_FromCallback_BecomesLuaErrorNotCrash()
    {
        // LuaOpaque is read-only data (a type name); handing it back to Lua cannot work and must not crash.
        using var host = new EngineHost();
        host.Engine.Register(host.Env, "bad", _ => [new LuaOpaque("function")]).Dispose();

        var results = host.Run("return pcall(bad)");

        Assert.That(results[0], Is.EqualTo((LuaValue)false));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("function value cannot be passed into Lua"));
    }

    [Test]
    public void Register_WithoutTable_ReturnsCallableFunction()
    {
        using var host = new EngineHost();
        using var square = host.Engine.Register(null, "square", args => [((LuaInteger)args[1]).Value * ((LuaInteger)args[1]).Value]);

        Assert.That(square.LuaType, Is.EqualTo("function"));
        Assert.That(host.Engine.Call(square, 7L), Is.EqualTo(new LuaValue[] { 49L }));
    }
}
