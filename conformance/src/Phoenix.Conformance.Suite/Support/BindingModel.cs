using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// What the page says happens to the recording drivers, written from the page and not from any kernel: a device gets
/// every registered driver whose type is among its types (compared exactly: "Alpha" is not "alpha"), when it appears
/// (at boot or attached later, directly or through a wired modem); init runs on binding and deinit on removal or
/// deregistration; a deregistered driver is unloaded from every device and binds nothing more. Where the page is
/// silent it follows Phoenix (facts §5.5): a driver registered after boot binds only to devices attached after that.
/// A driver registered twice is a case the page leaves open as far as init and deinit counts go (not compared); that
/// one deregistration unloads it from every device and takes it out of the list is not. It also predicts each
/// peripheral's call log.
/// </summary>
public sealed class BindingModel
{
    private readonly List<string> _registered = [];
    private readonly bool _deregistrationFinal;
    private readonly HashSet<string> _doubled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _uncountable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _registrationUnknown = new(StringComparer.Ordinal);
    private readonly HashSet<(string Name, string Type)> _unknownPairs = [];
    private readonly Dictionary<string, PeripheralSpec> _devices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bound = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Id, string Driver, string Event), int> _events = [];
    private readonly Dictionary<string, List<PeripheralCall>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PeripheralCall>> _remoteCalls = new(StringComparer.Ordinal);

    /// <summary>The boot: modules register <paramref name="bootTypes"/> (a type listed twice is registered twice),
    /// then the layout's devices appear. Unless <paramref name="deregistrationFinal"/>, whether a deregistered driver
    /// binds to devices attached later is left open: properties of other clauses then do not report a kernel's
    /// deregistration bugs (Phoenix's, facts §10 B1-B4), which DRV-DEREGISTER's do.</summary>
    public BindingModel(IEnumerable<PeripheralSpec> layout, IEnumerable<string> bootTypes, bool deregistrationFinal = true)
    {
        _deregistrationFinal = deregistrationFinal;
        foreach (var type in bootTypes)
        {
            if (_registered.Contains(type)) Double(type);
            else _registered.Add(type);
        }
        foreach (var device in layout.Where(p => !p.IsModem)) Appear(device);
    }

    public IEnumerable<PeripheralSpec> Devices => _devices.Values;

    /// <summary>Network names of devices that were present and are not any more.</summary>
    public IEnumerable<string> Gone => _gone.Where(n => !_devices.ContainsKey(n));

    public IReadOnlyDictionary<(string Id, string Driver, string Event), int> Events => _events;

    public IEnumerable<string> LoggedNames => _logs.Keys;

    public static string PathOf(PeripheralSpec device) => device.ModemSide is null ? "/" + device.Name : $"/{device.ModemSide}/{device.Name}";

    /// <summary>type → driver name for a present device, as far as the model knows.</summary>
    public IReadOnlyDictionary<string, string> Bound(string name) => _bound[name].ToDictionary(t => t, t => "rec_" + t, StringComparer.Ordinal);

    /// <summary>Whether the page leaves open if the driver for <paramref name="type"/> is bound to the device.</summary>
    public bool Unknown(string name, string type) => _unknownPairs.Contains((name, type));

    /// <summary>Whether the model knows how often the driver's init and deinit ran.</summary>
    public bool Countable(string driver) => !_uncountable.Contains(driver["rec_".Length..]);

    /// <summary>Present devices with the driver for <paramref name="type"/> bound, as far as the model knows (null when
    /// it does not know for some device).</summary>
    public IReadOnlyList<string>? PathsWith(string type) =>
        _unknownPairs.Any(p => p.Type == type) ? null
            : _devices.Values.Where(d => _bound[d.Name].Contains(type)).Select(PathOf).Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<PeripheralCall> Log(string name) => _logs.TryGetValue(name, out var log) ? log : [];

    /// <summary>The poke calls a wired modem should have forwarded with callRemote.</summary>
    public IReadOnlyList<PeripheralCall> RemoteCalls(string modemSide) => _remoteCalls.TryGetValue(modemSide, out var log) ? log : [];

    public IEnumerable<string> ModemSides => _remoteCalls.Keys;

    /// <summary>Applies a step; for a call, returns whether the call should succeed (null: the model does not know, and
    /// the call is not made, so the call logs stay predictable).</summary>
    public bool? Apply(DeviceOp op)
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
                if (_registered.Contains(op.Type)) Double(op.Type);
                else _registered.Add(op.Type);
                _registrationUnknown.Remove(op.Type);
                return true;
            case DeviceOpKind.Deregister:
                _registered.Remove(op.Type);
                // The page: deregisterDriver "removes it from the driver list"; a driver is in the list or not, however
                // often it was registered, so one deregistration is final (unless this property leaves that open).
                if (!_deregistrationFinal) _registrationUnknown.Add(op.Type);
                _unknownPairs.RemoveWhere(p => p.Type == op.Type);
                foreach (var (name, drivers) in _bound.Where(kv => kv.Value.Contains(op.Type)).ToArray())
                {
                    drivers.Remove(op.Type);
                    Count(name, op.Type, "deinit");
                }
                return true;
            default:
                if (Unknown(op.Name, op.Type)) return null;
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
        foreach (var type in device.Types.Where(_registrationUnknown.Contains))
        {
            // From here on, whether this device's init ran is unknown, and with it the driver's counts.
            _unknownPairs.Add((device.Name, type));
            _uncountable.Add(type);
        }
        foreach (var type in _bound[device.Name]) Count(device.Name, type, "init");
        if (device.ModemSide is { } side) Logged(_remoteCalls, side);
    }

    private void Double(string type)
    {
        _doubled.Add(type);
        _uncountable.Add(type);
    }

    private void Disappear(string name)
    {
        foreach (var type in _bound[name]) Count(name, type, "deinit");
        _unknownPairs.RemoveWhere(p => p.Name == name);
        _bound.Remove(name);
        if (_devices[name].ModemSide is not null) _gone.Add(name);
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
