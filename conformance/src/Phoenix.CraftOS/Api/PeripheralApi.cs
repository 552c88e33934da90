using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>
/// CC: Tweaked's native peripheral API over the simulated peripherals. Like the real one it sees only the six sides
/// (case-insensitive): a peripheral behind a wired modem is reached through the modem's *Remote methods, as Phoenix's
/// drivers do, so the bus logs both the modem's callRemote and the call itself. An absent side gives no values.
/// getNames is not native in CC (its rom builds it); the host adds it with the rom's answer: sides, then the names on
/// wired modems' networks.
/// </summary>
public sealed class PeripheralApi(PeripheralBus bus)
{
    public void Register(NativeTable native)
    {
        native.Add("p_isPresent", a => [Side(a, 1) is not null]);
        native.Add("p_getType", a => Side(a, 1) is { } p ? p.Spec.Types.Select(t => (LuaArg)t).ToArray() : []);
        native.Add("p_hasType", a =>
        {
            var peripheral = Side(a, 1);
            var type = Arg.Str(a, 2);
            return peripheral is null ? [] : [peripheral.Spec.Types.Contains(type, StringComparer.Ordinal)];
        });
        native.Add("p_getMethods", a => Side(a, 1) is { } p ? [new LuaTable(p.MethodNames.Select(m => (LuaValue)m))] : []);
        native.Add("p_getNames", _ => [new LuaTable(bus.Names.Select(n => (LuaValue)n))]);
        native.Add("p_call", Call);
    }

    private IReadOnlyList<LuaArg> Call(LuaCallbackArgs a)
    {
        var peripheral = Side(a, 1);
        var method = Arg.Str(a, 2);
        if (peripheral is null) throw Arg.Raise("No peripheral attached");
        try
        {
            return bus.Call(peripheral.Name, method, a.All().Skip(2).ToArray()).Select(LuaArg.From).ToArray();
        }
        catch (PeripheralCallException e)
        {
            throw Arg.Raise(e.Message);
        }
    }

    private SimulatedPeripheral? Side(LuaCallbackArgs a, int index) => bus.OnSide(Arg.Str(a, index).ToLowerInvariant());
}
