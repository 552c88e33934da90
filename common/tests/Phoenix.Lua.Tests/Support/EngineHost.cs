using Phoenix.Values;

namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// One engine plus one sandbox environment, the way the kernel uses them. Tests run snippets through it so each test
/// reads as "this Lua code gives these values" instead of repeating the load/call/dispose dance.
/// </summary>
public sealed class EngineHost : IDisposable
{
    public EngineHost(LuaEngineOptions? options = null, SandboxDebug debug = SandboxDebug.TracebackOnly)
    {
        Engine = new LuaEngine(options);
        Env = Engine.CreateEnvironment(debug);
    }

    public LuaEngine Engine { get; }

    public LuaRef Env { get; }

    /// <summary>Loads <paramref name="code"/> into <see cref="Env"/> under <paramref name="chunkName"/> and calls it.</summary>
    public IReadOnlyList<LuaValue> Run(string code, string chunkName = "=test", params LuaArg[] args) => Run(Env, code, chunkName, args);

    /// <summary>As <see cref="Run(string,string,LuaArg[])"/>, in another environment of the same engine.</summary>
    public IReadOnlyList<LuaValue> Run(LuaRef env, string code, string chunkName = "=test", params LuaArg[] args)
    {
        using var chunk = Engine.Load(code, chunkName, env);
        return Engine.Call(chunk, args);
    }

    public void Dispose()
    {
        Env.Dispose();
        Engine.Dispose();
    }
}
