using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// What the page says happens to the recording drivers, written from the page and not from any kernel: a device gets
/// every registered driver whose type is among its types, when it appears (at boot or attached later, directly or
/// through a wired modem); init runs on binding and deinit on removal or deregistration; a deregistered driver binds
/// nothing more. Where the page is silent it follows Phoenix (facts §5.5): a driver registered after boot binds only
/// to devices attached after that. It also predicts each peripheral's call log.
/// </summary>
public sealed class BindingModel
{
    private readonly List<string> _registered = [];
    private readonly Dictionary<string, PeripheralSpec> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bound = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Id, string Driver, string Event), int> _events = [];
    private readonly Dictionary<string, List<PeripheralCall>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PeripheralCall>> _remoteCalls = new(StringComparer.Ordinal);

    /// <summary>The boot: modules register <paramref name="bootTypes"/>, then the layout's devices appear.</summary>
    public BindingModel(IEnumerable<PeripheralSpec> layout, IEnumerable<string> bootTypes)
    {
        _registered.AddRange(bootTypes);
        foreach (var device in layout.Where(p => !p.IsModem)) Appear(device);
    }

    public IEnumerable<PeripheralSpec> Devices => _devices.Values;

    public IReadOnlyDictionary<(string Id, string Driver, string Event), int> Events => _events;

    public IEnumerable<string> LoggedNames => _logs.Keys;

    public static string PathOf(PeripheralSpec device) => device.ModemSide is null ? "/" + device.Name : $"/{device.ModemSide}/{device.Name}";

    /// <summary>type → driver name for a present device.</summary>
    public IReadOnlyDictionary<string, string> Bound(string name) => _bound[name].ToDictionary(t => t, t => "rec_" + t, StringComparer.Ordinal);

    public IReadOnlyList<PeripheralCall> Log(string name) => _logs.TryGetValue(name, out var log) ? log : [];

    /// <summary>The poke calls a wired modem should have forwarded with callRemote.</summary>
    public IReadOnlyList<PeripheralCall> RemoteCalls(string modemSide) => _remoteCalls.TryGetValue(modemSide, out var log) ? log : [];

    public IEnumerable<string> ModemSides => _remoteCalls.Keys;

    /// <summary>Applies a step; for a call, returns whether the call should succeed.</summary>
    public bool Apply(DeviceOp op)
    {
        switch (op.Kind)
        {
            case DeviceOpKind.Attach:
                Appear(op.Spec!);
                return true;
            case DeviceOpKind.Detach:
                foreach (var name in _devices.Values.Where(d => d.Name == op.Name || d.ModemSide == op.Name).Select(d => d.Name).ToArray()) Disappear(name);
                return true;
            case DeviceOpKind.Register:
                if (!_registered.Contains(op.Type)) _registered.Add(op.Type);
                return true;
            case DeviceOpKind.Deregister:
                _registered.Remove(op.Type);
                foreach (var (name, drivers) in _bound.Where(kv => kv.Value.Contains(op.Type)).ToArray())
                {
                    drivers.Remove(op.Type);
                    Count(name, op.Type, "deinit");
                }
                return true;
            default:
                if (!_bound.TryGetValue(op.Name, out var bound) || !bound.Contains(op.Type)) return false;
                var call = new PeripheralCall("poke_" + op.Type, op.Args);
                Logged(_logs, op.Name).Add(call);
                if (_devices[op.Name].ModemSide is { } side) Logged(_remoteCalls, side).Add(new PeripheralCall("callRemote", [op.Name, call.Method, .. op.Args]));
                return true;
        }
    }

    private void Appear(PeripheralSpec device)
    {
        _devices[device.Name] = device;
        _bound[device.Name] = _registered.Where(device.Types.Contains).ToList();
        foreach (var type in _bound[device.Name]) Count(device.Name, type, "init");
        if (device.ModemSide is { } side) Logged(_remoteCalls, side);
    }

    private void Disappear(string name)
    {
        foreach (var type in _bound[name]) Count(name, type, "deinit");
        _bound.Remove(name);
        _devices.Remove(name);
    }

    private void Count(string id, string type, string @event)
    {
        var key = (id, "rec_" + type, @event);
        _events[key] = _events.GetValueOrDefault(key) + 1;
    }

    private static List<PeripheralCall> Logged(Dictionary<string, List<PeripheralCall>> logs, string name)
    {
        if (!logs.TryGetValue(name, out var log)) logs[name] = log = [];
        return log;
    }
}
