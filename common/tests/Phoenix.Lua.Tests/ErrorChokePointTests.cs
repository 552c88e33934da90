using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// Every Lua failure reaches C# as one <see cref="LuaScriptException"/> built at one place (LuaEngine.Fail), carrying
/// the kind, the original error value and the Lua traceback. The kernel turns these into Phoenix's syscall errors,
/// so the message text and the error value must survive unchanged.
/// </summary>
public class ErrorChokePointTests
{
    [Test]
    public void RuntimeError_Call_ThrowsRuntimeKindWithMessageAndTraceback()
    {
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Run("local function inner() error('boom') end\ninner()", "=chunk"))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.Message, Is.EqualTo("chunk:1: boom"));
        Assert.That(error.ErrorValue, Is.EqualTo((LuaValue)"chunk:1: boom"));
        Assert.That(error.LuaTraceback, Does.StartWith("stack traceback:"));
        // The traceback is taken where the error happened, so it names the failing function and the calling line.
        Assert.That(error.LuaTraceback, Does.Contain("chunk:1: in").And.Contain("chunk:2: in main chunk"));
        Assert.That(error.FullText, Is.EqualTo(error.Message + "\n" + error.LuaTraceback));
    }

    [Test]
    public void OperationError_Call_CarriesLuaDescriptionOfTheBadOperand()
    {
        // Errors raised by the VM itself (not error()) go through the same path.
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Run("local t = nil return t.x", "=chunk"))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.Message, Is.EqualTo("chunk:1: attempt to index a nil value (local 't')"));
    }

    [Test]
    public void TableErrorValue_Call_StaysATable()
    {
        // Modules throw structured errors; flattening them to text would lose the fields the caller inspects.
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Run("error({ code = 'EPERM', n = 2 })"))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.ErrorValue, Is.EqualTo((LuaValue)LuaTable.Record(("code", "EPERM"), ("n", 2L))));
        Assert.That(error.LuaTraceback, Is.Not.Empty);
    }

    [TestCase("error('plain', 0)", "plain")] // level 0: no position prefix, the text exactly as given
    [TestCase("error(42)", "42")] // a number error value is kept as a number; the message is its text
    [TestCase("error()", "nil")] // error() with no value: the value is nil, the message says so
    public void ErrorWithoutPosition_Call_KeepsValueAsGiven(string code, string message)
    {
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Run(code))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.Message, Is.EqualTo(message));
    }

    [Test]
    public void NumberErrorValue_Call_StaysAnInteger()
    {
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Run("error(42)"))!;

        Assert.That(error.ErrorValue, Is.EqualTo((LuaValue)42L));
    }

    [Test]
    public void SyntaxError_Load_ThrowsSyntaxKindNamingTheChunk()
    {
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Engine.Load("return +", "=broken", host.Env))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Syntax));
        Assert.That(error.Message, Does.StartWith("broken:1:"));
        Assert.That(error.Message, Does.Contain("unexpected symbol"));
        // Nothing ran, so there is no Lua stack to report.
        Assert.That(error.LuaTraceback, Is.Null);
    }

    [Test]
    public void SyntaxError_ChunkNameWithoutEquals_IsQuotedAsLuaDoes()
    {
        // Chunk names not starting with '=' or '@' are shown as [string "..."]; the engine passes them through.
        using var host = new EngineHost();

        var error = Assert.Throws<LuaScriptException>(() => host.Engine.Load("x = = 1", "snippet", host.Env))!;

        Assert.That(error.Message, Does.StartWith("[string \"snippet\"]:1:"));
    }

    [Test]
    public void ErrorInFunctionHeldByReference_Call_SameShapeAsChunkError()
    {
        // The kernel calls module functions it holds by reference, not only whole chunks.
        using var host = new EngineHost();
        host.Run("function check(x) error('bad x: ' .. x) end", "=mod");
        using var check = host.Engine.GetFieldRef(host.Env, "check")!;

        var error = Assert.Throws<LuaScriptException>(() => host.Engine.Call(check, 5L))!;

        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Runtime));
        Assert.That(error.Message, Is.EqualTo("mod:1: bad x: 5"));
        Assert.That(error.LuaTraceback, Does.Contain("mod:1: in function"));
    }

    [Test]
    public void Engine_AfterRuntimeError_RunsNextCallNormally()
    {
        // The choke point pops the error and the message handler's state; a failure must not poison the engine.
        using var host = new EngineHost();
        Assert.Throws<LuaScriptException>(() => host.Run("error('first')"));

        var second = Assert.Throws<LuaScriptException>(() => host.Run("error('second')"))!;

        Assert.That(second.Message, Is.EqualTo("test:1: second"));
        Assert.That(host.Run("return 1 + 1"), Is.EqualTo(new LuaValue[] { 2L }));
    }
}
