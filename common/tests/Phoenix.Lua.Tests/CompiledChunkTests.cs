using Phoenix.Values;

namespace Phoenix.Lua.Tests;

/// <summary><see cref="CompiledChunk"/>: our own scripts compiled once and loaded into many engines behave as the
/// text does, keep their line numbers in errors, and are the only bytecode an engine loads.</summary>
public class CompiledChunkTests
{
    [Test]
    public void CompiledOnce_RunsInManyEngines_WithEachEnvironment()
    {
        var chunk = CompiledChunk.Compile("return greeting .. ', ' .. select('#', ...)", "=kernel");
        foreach (var greeting in new[] { "hello", "bonjour" })
        {
            using var engine = new LuaEngine();
            using var env = engine.CreateEnvironment();
            engine.SetField(env, "greeting", LuaString.From(greeting));
            using var function = engine.Load(chunk, env);
            Assert.That(engine.Call(function, 1L, 2L), Is.EqualTo(new LuaValue[] { $"{greeting}, 2" }));
        }
    }

    [Test]
    public void Errors_NameTheSourceLine()
    {
        var chunk = CompiledChunk.Compile("local x = 1\n\nerror('boom')", "=kernel");
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        using var function = engine.Load(chunk, env);
        var error = Assert.Throws<LuaScriptException>(() => engine.Call(function))!;
        Assert.That(error.Message, Does.StartWith("kernel:3: boom"));
    }

    [Test]
    public void SyntaxError_IsALuaScriptException()
    {
        var error = Assert.Throws<LuaScriptException>(() => CompiledChunk.Compile("local = 1", "=kernel"))!;
        Assert.That(error.Kind, Is.EqualTo(LuaErrorKind.Syntax));
        Assert.That(error.Message, Does.StartWith("kernel:1:"));
    }

    [Test]
    public void BinaryInput_IsRefused()
    {
        var error = Assert.Throws<LuaScriptException>(() => CompiledChunk.Compile("\u001bLua", "=kernel"))!;
        Assert.That(error.Message, Does.Contain("binary chunks are not allowed"));
    }
}
