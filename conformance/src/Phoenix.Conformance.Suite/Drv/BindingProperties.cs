using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>
/// Properties over generated layouts (sides, wired networks, several types per peripheral) and generated steps
/// (attach, detach, deregister, calls; plus runtime registration for the COMPAT one): the bindings the kernel reports
/// equal what <see cref="BindingModel"/> computes, init and deinit balance per node, and every call lands on exactly
/// the intended peripheral with exactly the given arguments, over its modem when it has one.
/// </summary>
public sealed class BindingProperties
{
    [Clause("DRV-DEREGISTER")]
    public void GeneratedLayoutsAndSteps_BindingsLifecycleAndCallsMatchThePage(RuleContext context) =>
        PropertyCheck.ForAll(context, DeviceGenerators.Scenarios(runtimeRegistration: false), s => Run(context, s), cases: 25);

    [Clause("PX-DRV-REGISTER-NO-RETROBIND")]
    public void GeneratedStepsWithRuntimeRegistration_MatchPhoenix(RuleContext context) =>
        PropertyCheck.ForAll(context, DeviceGenerators.Scenarios(runtimeRegistration: true), s => Run(context, s), cases: 25);

    private static void Run(RuleContext context, DeviceScenario scenario)
    {
        var image = BootImage.Empty.WithRecDrivers(context, scenario.BootTypes).WithPeripherals([.. scenario.Layout]);
        using var kernel = context.Boot(image);
        var model = new BindingModel(scenario.Layout, scenario.BootTypes);
        foreach (var op in scenario.Ops) Step(kernel, model, op);
        foreach (var device in model.Devices)
        {
            var path = BindingModel.PathOf(device);
            var expected = model.Bound(device.Name);
            var actual = kernel.BoundDrivers(path);
            Check.That(actual.Count == expected.Count && expected.All(kv => actual.GetValueOrDefault(kv.Key) == kv.Value),
                $"drivers on {path}", Devices.Render(expected), Devices.Render(actual));
        }
        var events = kernel.DriverEvents();
        var counted = events.GroupBy(e => (e.Id, e.Driver, e.Event)).ToDictionary(g => g.Key, g => g.Count());
        var keys = counted.Keys.Union(model.Events.Keys).OrderBy(k => k.ToString(), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Check.That(counted.GetValueOrDefault(key) == model.Events.GetValueOrDefault(key), $"{key.Event} calls of {key.Driver} on {key.Id}",
                model.Events.GetValueOrDefault(key).ToString(), counted.GetValueOrDefault(key).ToString());
        }
        foreach (var name in model.LoggedNames)
        {
            // A side name may also have held a modem, whose log has the kernel's own modem calls: compare the pokes.
            var log = kernel.ReadPeripheralLog(name).Where(c => c.Method.StartsWith("poke_", StringComparison.Ordinal));
            Check.That(log.SequenceEqual(model.Log(name)), $"call log of {name}", $"[{string.Join("; ", model.Log(name))}]", $"[{string.Join("; ", log)}]");
        }
        foreach (var side in model.ModemSides)
        {
            var remote = kernel.CallsOf(side, "callRemote").Where(c => c.Args.Count > 1 && c.Args[1] is LuaString m && m.Text.StartsWith("poke_", StringComparison.Ordinal));
            Check.That(remote.SequenceEqual(model.RemoteCalls(side)), $"poke calls the wired modem on {side} forwarded",
                $"[{string.Join("; ", model.RemoteCalls(side))}]", $"[{string.Join("; ", remote)}]");
        }
    }

    private static void Step(IKernel kernel, BindingModel model, DeviceOp op)
    {
        switch (op.Kind)
        {
            case DeviceOpKind.Attach: kernel.Attach(op.Spec!); break;
            case DeviceOpKind.Detach: kernel.Detach(op.Name); break;
            case DeviceOpKind.Register:
            case DeviceOpKind.Deregister:
                var function = op.Kind == DeviceOpKind.Register ? "register" : "deregister";
                Check.Succeeds(kernel.CallModule(Modules.Root, "recdrivers", function, op.Type), op.ToString());
                break;
            default:
                var device = model.Devices.First(d => d.Name == op.Name);
                var result = kernel.DevCall(BindingModel.PathOf(device), "poke_" + op.Type, [.. op.Args]);
                if (model.Apply(op)) Check.Returns(result, op.Args, op.ToString());
                else Check.Fails(result, $"{op} (rec_{op.Type} is not bound there)");
                return;
        }
        model.Apply(op);
    }
}
