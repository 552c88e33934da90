// Clauses: DRV-MODEM, DRV-PERIPHERAL-API
// Mirrors: ComputerCraft peripherals (peripheral.call, wired modem networks), which Phoenix 40-hardware and 55-drivers drive

using Phoenix.Values;

namespace Phoenix.ComputerCraft.Peripherals;

/// <summary>
/// The simulated ComputerCraft peripherals of one computer: peripherals on sides, and behind each wired modem the
/// peripherals of its network. Every kernel the suite drives shares it (the reference kernel's device glue, the
/// CraftOS host's native peripheral API), so the DRV rules meet the same peripherals everywhere; it logs every call
/// each peripheral receives, by name, for <c>ReadPeripheralLog</c>. <see cref="Call"/> reaches a networked peripheral
/// by its network name too; a kernel that follows CC's native API (sides only) asks <see cref="OnSide"/> first.
/// Call errors are <see cref="PeripheralCallException"/>s, which each kernel raises as a Lua error.
/// </summary>
public sealed class PeripheralBus
{
    private readonly Dictionary<string, SimulatedPeripheral> _sides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PeripheralCall>> _logs = new(StringComparer.Ordinal);

    /// <summary>Every peripheral name CC's <c>peripheral.getNames</c> reports: sides in side order, then network names.</summary>
    public IReadOnlyList<string> Names =>
        PeripheralSpec.Sides.Where(_sides.ContainsKey)
            .Concat(WiredModems.SelectMany(m => m.Network.Keys))
            .Distinct(StringComparer.Ordinal).ToArray();

    private IEnumerable<SimulatedPeripheral> WiredModems =>
        PeripheralSpec.Sides.Where(_sides.ContainsKey).Select(s => _sides[s]).Where(p => p.Spec.Kind == PeripheralKind.WiredModem);

    /// <summary>Attaches a peripheral and returns the name its attach event carries: its own, or the modem's side when
    /// the wired modem it sits behind was not there and comes with it.</summary>
    public string Attach(PeripheralSpec spec)
    {
        spec.Validate();
        if (Find(spec.Name) is not null) throw new ArgumentException($"A peripheral called '{spec.Name}' is already attached.");
        if (spec.ModemSide is null)
        {
            _sides[spec.Name] = new SimulatedPeripheral(spec);
            return spec.Name;
        }
        var cameWithModem = !_sides.TryGetValue(spec.ModemSide, out var modem);
        if (modem is null)
        {
            modem = new SimulatedPeripheral(PeripheralSpec.WiredModem(spec.ModemSide));
            _sides[spec.ModemSide] = modem;
        }
        if (modem.Spec.Kind != PeripheralKind.WiredModem)
        {
            throw new ArgumentException($"'{spec.Name}' is behind side {spec.ModemSide}, which holds {modem.Spec}, not a wired modem.");
        }
        modem.Network[spec.Name] = new SimulatedPeripheral(spec);
        return cameWithModem ? spec.ModemSide : spec.Name;
    }

    /// <summary>Attaches a whole layout (a boot image's), modems first, so a modem the layout declares is not mistaken
    /// for one implied by a peripheral behind it.</summary>
    public void AttachAll(IEnumerable<PeripheralSpec> layout)
    {
        foreach (var spec in layout.OrderBy(p => p.ModemSide is null ? 0 : 1)) Attach(spec);
    }

    /// <summary>Detaches a peripheral (a wired modem takes its network with it); false when nothing has that name.</summary>
    public bool Detach(string name) => _sides.Remove(name) || WiredModems.Any(m => m.Network.Remove(name));

    /// <summary>The peripheral called <paramref name="name"/>: on a side, or on the network of a wired modem.</summary>
    public SimulatedPeripheral? Find(string name) =>
        _sides.TryGetValue(name, out var direct) ? direct
            : WiredModems.Select(m => m.Network.GetValueOrDefault(name)).FirstOrDefault(p => p is not null);

    /// <summary>The peripheral attached directly on <paramref name="side"/>, if any (never a networked one).</summary>
    public SimulatedPeripheral? OnSide(string side) => _sides.GetValueOrDefault(side);

    public IReadOnlyList<PeripheralCall> Log(string name) => _logs.TryGetValue(name, out var log) ? log.ToArray() : [];

    /// <summary>CC's <c>peripheral.call</c>: logs the call on the peripheral, then answers as its spec (or, for a
    /// modem, ComputerCraft) says. Errors are <see cref="PeripheralCallException"/>s, for the Lua caller.</summary>
    public IReadOnlyList<LuaValue> Call(string name, string method, IReadOnlyList<LuaValue> args)
    {
        var peripheral = Find(name) ?? throw new PeripheralCallException("No peripheral attached");
        return Invoke(peripheral, method, args);
    }

    private IReadOnlyList<LuaValue> Invoke(SimulatedPeripheral peripheral, string method, IReadOnlyList<LuaValue> args)
    {
        if (!_logs.TryGetValue(peripheral.Name, out var log)) _logs[peripheral.Name] = log = [];
        log.Add(new PeripheralCall(method, args.ToArray()));
        if (peripheral.Spec.Methods.TryGetValue(method, out var scripted))
        {
            return scripted.Kind == PeripheralMethodKind.Fails ? throw new PeripheralCallException(scripted.ErrorMessage) : scripted.ResultsFor(args);
        }
        if (peripheral.Spec.IsModem) return ModemMethods.Invoke(peripheral, method, args, Invoke);
        throw new PeripheralCallException($"No such method {method}");
    }
}
