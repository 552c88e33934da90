using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.CraftOS.Peripherals;

/// <summary>A simulated peripheral method: gets the call's arguments, returns its results (throw
/// <see cref="PeripheralException"/> for a Lua error in the caller).</summary>
public delegate IReadOnlyList<LuaValue> PeripheralMethod(IReadOnlyList<LuaValue> args);

/// <summary>
/// A simulated peripheral on a side or a network name: its types (CC allows several; the first is the main one) and
/// its methods. Every call is logged in order, for the harness to read back.
/// </summary>
public sealed class HostPeripheral(string name, IReadOnlyList<string> types, IReadOnlyDictionary<string, PeripheralMethod> methods)
{
    private readonly List<(string Method, IReadOnlyList<LuaValue> Args)> _calls = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Types { get; } = types.Count > 0 ? types : throw new ArgumentException("A peripheral needs a type.", nameof(types));

    public IReadOnlyDictionary<string, PeripheralMethod> Methods { get; } = methods;

    public IReadOnlyList<(string Method, IReadOnlyList<LuaValue> Args)> Calls => _calls;

    public IReadOnlyList<LuaValue> Call(string method, IReadOnlyList<LuaValue> args)
    {
        if (!Methods.TryGetValue(method, out var body)) throw new PeripheralException($"No such method {method}");
        _calls.Add((method, args));
        return body(args);
    }
}
