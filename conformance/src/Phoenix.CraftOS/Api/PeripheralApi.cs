using Phoenix.Conformance.Abstractions.Values;
using Phoenix.CraftOS.Peripherals;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>The native peripheral API (isPresent, getType, hasType, getMethods, call, getNames) over the attached
/// simulated peripherals.</summary>
public sealed class PeripheralApi(IReadOnlyDictionary<string, HostPeripheral> attached)
{
    public void Register(NativeTable native)
    {
        native.Add("p_isPresent", a => [attached.ContainsKey(Arg.Str(a, 1))]);
        native.Add("p_getType", a => Find(a) is { } p ? p.Types.Select(t => (LuaArg)t).ToArray() : [LuaArg.Nil]);
        native.Add("p_hasType", a => Find(a) is { } p ? [p.Types.Contains(Arg.Str(a, 2))] : [LuaArg.Nil]);
        native.Add("p_getMethods", a => Find(a) is { } p
            ? [new LuaTable(p.Methods.Keys.Order(StringComparer.Ordinal).Select(m => (LuaValue)m))]
            : [LuaArg.Nil]);
        native.Add("p_getNames", _ => [new LuaTable(attached.Keys.Order(StringComparer.Ordinal).Select(n => (LuaValue)n))]);
        native.Add("p_call", a =>
        {
            var peripheral = Find(a) ?? throw Arg.Raise("No peripheral attached");
            var method = Arg.Str(a, 2);
            try
            {
                return peripheral.Call(method, a.All().Skip(2).ToArray()).Select(v => (LuaArg)v).ToArray();
            }
            catch (PeripheralException e)
            {
                throw Arg.Raise(e.Message);
            }
        });
    }

    private HostPeripheral? Find(LuaCallbackArgs a) => attached.GetValueOrDefault(Arg.Str(a, 1));
}
