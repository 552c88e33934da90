// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix is compiled by CraftOS's Lua as it loads)

using System.Runtime.InteropServices;
using KeraLua;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua;

/// <summary>
/// Lua source text compiled once, to be loaded into many engines without compiling it again (a kernel boot
/// compiles about 50 KB of its own scripts). Only <see cref="Compile"/> makes one, from text, so the bytecode an
/// engine loads through <see cref="LuaEngine.Load(CompiledChunk,LuaRef)"/> is always what Lua's own compiler
/// produced: guests still cannot load binary chunks. Debug information is kept, so errors name the same lines.
/// </summary>
public sealed class CompiledChunk
{
    private CompiledChunk(string name, byte[] bytecode)
    {
        Name = name;
        Bytecode = bytecode;
    }

    public string Name { get; }

    internal byte[] Bytecode { get; }

    /// <summary>Compiles <paramref name="source"/> (text only) in a scratch state; a syntax error throws
    /// <see cref="LuaScriptException"/> as <see cref="LuaEngine.Load(string,string,LuaRef)"/> would.</summary>
    public static CompiledChunk Compile(string source, string chunkName)
    {
        using var state = new LuaState(openLibs: false);
        var text = System.Text.Encoding.UTF8.GetBytes(source);
        if (text.Length > 0 && text[0] == 0x1b)
        {
            throw new LuaScriptException(LuaErrorKind.Syntax, global::Phoenix.Values.LuaString.From($"{chunkName}: binary chunks are not allowed; load Lua source text"), null);
        }
        if (state.LoadBuffer(text, chunkName, "t") != LuaStatus.OK)
        {
            throw new LuaScriptException(LuaErrorKind.Syntax, global::Phoenix.Values.LuaString.From(state.ToString(-1)), null);
        }
        using var output = new MemoryStream();
        LuaWriter writer = (_, data, size, _) =>
        {
            var bytes = new byte[(int)size];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            output.Write(bytes);
            return 0;
        };
        if (state.Dump(writer, IntPtr.Zero, false) != 0) throw new InvalidOperationException($"{chunkName}: lua_dump failed");
        GC.KeepAlive(writer);
        return new CompiledChunk(chunkName, output.ToArray());
    }
}
