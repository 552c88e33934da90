// Clauses: DRV-MODEM
// Mirrors: CC: Tweaked's modem peripheral (getNamesRemote … callRemote, channels)

using Phoenix.Values;

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>
/// ComputerCraft's modem methods for the simulation. Both kinds have isWireless and the channel methods; a wired modem
/// also reaches the peripherals on its network (getNamesRemote … callRemote), which is how Phoenix's drivers talk to a
/// networked peripheral (facts §5.3, §5.6; DRV-MODEM). Messages follow CC: Tweaked.
/// </summary>
internal static class ModemMethods
{
    private static readonly string[] Common = ["close", "closeAll", "isOpen", "isWireless", "open", "transmit"];

    private static readonly string[] Wired =
        [.. Common, "callRemote", "getMethodsRemote", "getNameLocal", "getNamesRemote", "getTypeRemote", "hasTypeRemote", "isPresentRemote"];

    /// <summary>The computer's own name on a wired network.</summary>
    public const string LocalName = "computer_0";

    public static IReadOnlyList<string> For(PeripheralKind kind) => kind switch
    {
        PeripheralKind.WiredModem => Wired,
        PeripheralKind.WirelessModem => Common,
        _ => [],
    };

    /// <summary>Runs modem method <paramref name="method"/>; <paramref name="callRemote"/> forwards a call to a
    /// networked peripheral (so the bus logs it on that peripheral too).</summary>
    public static IReadOnlyList<LuaValue> Invoke(SimulatedPeripheral modem, string method, IReadOnlyList<LuaValue> args,
        Func<SimulatedPeripheral, string, IReadOnlyList<LuaValue>, IReadOnlyList<LuaValue>> callRemote)
    {
        LuaValue Arg(int i) => i < args.Count ? args[i] : LuaValue.Nil;
        if (!For(modem.Spec.Kind).Contains(method)) throw new PeripheralCallException($"No such method {method}");
        SimulatedPeripheral? Remote() => Arg(0) is LuaString s && modem.Network.TryGetValue(s.Text, out var p) ? p : null;
        switch (method)
        {
            case "isWireless": return [modem.Spec.Kind == PeripheralKind.WirelessModem];
            case "open": modem.OpenChannels.Add(Channel(Arg(0))); return [];
            case "close": modem.OpenChannels.Remove(Channel(Arg(0))); return [];
            case "closeAll": modem.OpenChannels.Clear(); return [];
            case "isOpen": return [modem.OpenChannels.Contains(Channel(Arg(0)))];
            case "transmit": return [];
            case "getNameLocal": return [LocalName];
            case "getNamesRemote": return [new LuaTable(modem.Network.Keys.Select(k => (LuaValue)k))];
            case "isPresentRemote": return [Remote() is not null];
            case "getTypeRemote": return Remote() is { } typed ? typed.Spec.Types.Select(t => (LuaValue)t).ToArray() : [LuaValue.Nil];
            case "hasTypeRemote": return Remote() is { } has ? [has.Spec.Types.Contains(Text(Arg(1)))] : [LuaValue.Nil];
            case "getMethodsRemote": return Remote() is { } listed ? [new LuaTable(listed.MethodNames.Select(m => (LuaValue)m))] : [LuaValue.Nil];
            case "callRemote":
                var target = Remote() ?? throw new PeripheralCallException("No peripheral attached");
                var remoteMethod = Arg(1) is LuaString m ? m.Text : throw new PeripheralCallException("bad argument #2 (string expected)");
                return callRemote(target, remoteMethod, args.Skip(2).ToArray());
            default: throw new PeripheralCallException($"No such method {method}");
        }
    }

    private static long Channel(LuaValue value) => value switch
    {
        LuaInteger i when i.Value is >= 0 and <= 65535 => i.Value,
        LuaFloat f when f.Value is >= 0 and <= 65535 && f.Value == Math.Floor(f.Value) => (long)f.Value,
        _ => throw new PeripheralCallException("bad argument #1 (channel out of range)"),
    };

    private static string Text(LuaValue value) => value is LuaString s ? s.Text : "";
}
