using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>
/// The host-private table of C# functions. Only the bios (Lua/bios.lua) sees it: it builds the guest's API tables
/// from these functions, so kernel code holds Lua closures and never this table or any CLR object.
/// </summary>
public sealed class NativeTable(LuaEngine engine)
{
    public LuaRef Table { get; } = engine.NewTable();

    public void Add(string name, LuaCallback callback) => engine.Register(Table, name, callback);

    public static IReadOnlyList<LuaArg> None => [];

    public static IReadOnlyList<LuaArg> One(LuaArg value) => [value];
}
