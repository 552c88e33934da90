using FsCheck;
using FsCheck.Fluent;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Device scenarios for the binding properties: each side empty, a device, a wired modem with a small network, or a
/// wireless modem; devices of one to three types (the recording drivers' types and a foreign one); then steps that
/// attach, detach, (de)register and call. Steps are generated as raw choices and resolved against the layout as it
/// evolves, so every step is meaningful (no detaching what is not there). Shrinking works on those raw choices and
/// resolves them again, so every shrunk scenario is valid too: fewer steps, emptier sides, fewer boot drivers, fewer
/// types per device, fewer and smaller call arguments.
/// </summary>
public static class DeviceGenerators
{
    /// <summary>The recording drivers' types, a foreign one, and two that differ from a driver's type only in case.</summary>
    public static readonly string[] DeviceTypes = [.. Devices.RecTypes, "other", "Alpha", "BETA"];

    /// <summary>
    /// Scenarios for the page's properties (<paramref name="runtimeRegistration"/> false: the boot module may register a
    /// driver twice, and steps may deregister when <paramref name="deregistration"/>) or for Phoenix's (registration
    /// after boot, no deregistration: a kernel's deregistration bugs must not show up under another clause).
    /// </summary>
    public static Arbitrary<DeviceScenario> Scenarios(bool runtimeRegistration, bool deregistration = true) => Arb.From(
        from sides in Gen.ArrayOf(SideContent, PeripheralSpec.Sides.Count)
        from boot in Gen.SubListOf(Devices.RecTypes.ToArray())
        from twice in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(!runtimeRegistration)))
        from steps in Gen.ListOf(Step).Select(s => s.Take(12).ToArray())
        select Resolve(new DeviceChoices(sides, twice && boot.Count > 0 ? [.. boot, boot[0]] : [.. boot], steps, runtimeRegistration, deregistration && !runtimeRegistration)),
        scenario => DeviceShrinker.Shrink(scenario.Choices!).Select(Resolve));

    // Per side: 0 empty, 1 device, 2 wired modem (with a network of n devices), 3 wireless modem.
    private static Gen<(int Kind, string[][] Network)> SideContent =>
        from kind in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from network in Gen.ArrayOf(Types, kind == 1 ? 1 : kind == 2 ? 3 : 0)
        from count in Gen.Choose(0, 3)
        select (kind, kind == 2 ? network.Take(count).ToArray() : network);

    private static Gen<string[]> Types =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(DeviceTypes), n)).Select(t => t.Distinct().ToArray());

    private static Gen<DeviceChoices.Step> Step =>
        // Deregistration weighs as much as attaching, so a deregistration is often followed by an attach of its type.
        from kind in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)), (2, Gen.Constant(3)), (4, Gen.Constant(4)))
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        from types in Types
        from args in LuaValueGenerators.ArgumentList.Resize(24)
        select new DeviceChoices.Step(kind, a, b, types, args);

    private static DeviceScenario Resolve(DeviceChoices choices)
    {
        var (sides, boot, steps, runtimeRegistration, deregistration) = choices;
        var next = 0;
        var layout = new List<PeripheralSpec>();
        for (var i = 0; i < sides.Length; i++)
        {
            var side = PeripheralSpec.Sides[i];
            var (kind, network) = sides[i];
            if (kind == 1) layout.Add(Devices.RecDevice(side, network[0]));
            if (kind == 2) layout.Add(PeripheralSpec.WiredModem(side));
            if (kind == 2) layout.AddRange(network.Select(types => Devices.RecDevice($"dev_{next++}", types).Behind(side)));
            if (kind == 3) layout.Add(PeripheralSpec.WirelessModem(side));
        }
        var present = new List<PeripheralSpec>(layout);
        var ops = new List<DeviceOp>();
        foreach (var step in steps)
        {
            var op = ResolveStep(step, present, runtimeRegistration, deregistration, ref next);
            if (op is null) continue;
            ops.Add(op);
            if (op.Kind == DeviceOpKind.Attach)
            {
                if (op.Spec!.ModemSide is { } modem && present.All(p => p.Name != modem)) present.Add(PeripheralSpec.WiredModem(modem));
                present.Add(op.Spec);
            }
            if (op.Kind == DeviceOpKind.Detach) present.RemoveAll(p => p.Name == op.Name || p.ModemSide == op.Name);
        }
        return new DeviceScenario(layout, boot, ops) { Choices = choices };
    }

    private static DeviceOp? ResolveStep(DeviceChoices.Step step, List<PeripheralSpec> present, bool runtimeRegistration, bool deregistration, ref int next)
    {
        var devices = present.Where(p => !p.IsModem).ToArray();
        switch (step.Kind)
        {
            case 0:
                var side = PeripheralSpec.Sides[step.A % PeripheralSpec.Sides.Count];
                var there = present.FirstOrDefault(p => p.Name == side);
                if (there is null && step.B % 3 != 0) return DeviceOp.Attach(Devices.RecDevice(side, step.Types));
                if (there is null || there.Kind == PeripheralKind.WiredModem) return DeviceOp.Attach(Devices.RecDevice($"dev_{next++}", step.Types).Behind(side));
                return null;
            case 1:
                return present.Count == 0 ? null : DeviceOp.Detach(present[step.A % present.Count].Name);
            case 2 when runtimeRegistration:
                return DeviceOp.Register(Devices.RecTypes[step.A % Devices.RecTypes.Count]);
            // Only the properties about deregistration deregister: a kernel's deregistration bugs must not show up
            // under another clause.
            case 3 when deregistration:
                return DeviceOp.Deregister(Devices.RecTypes[step.A % Devices.RecTypes.Count]);
            default:
                if (devices.Length == 0) return null;
                var device = devices[step.A % devices.Length];
                var own = device.Types.Where(Devices.RecTypes.Contains).ToArray();
                var type = own.Length > 0 && step.B % 4 != 0 ? own[step.B % own.Length] : Devices.RecTypes[step.B % Devices.RecTypes.Count];
                return DeviceOp.Call(device.Name, type, step.Args);
        }
    }
}
