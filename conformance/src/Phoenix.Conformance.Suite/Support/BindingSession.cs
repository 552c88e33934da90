using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// Runs a device scenario against a kernel and the <see cref="BindingModel"/> side by side: after boot and after every
/// step it compares the chosen views (devinfo's bindings, init and deinit counts, Phoenix's devfind, devlookup and
/// devmethods), each call's result when it is made, and the peripherals' call logs at the end (they only grow, so the
/// end shows every call in order).
/// </summary>
public static class BindingSession
{
    /// <summary>Each recording driver's methods (fixtures/DRV-METHOD-ARGS/recdrivers.lua).</summary>
    private static IEnumerable<string> MethodsOf(string type) => ["poke_" + type, "describe_" + type, "methods_" + type, "getState", "setState"];

    public static void Run(RuleContext context, DeviceScenario scenario, BindingViews views, bool deregistrationFinal = true)
    {
        var image = BootImage.Empty.WithRecDrivers(context, scenario.BootTypes).WithPeripherals([.. scenario.Layout]);
        using var kernel = context.Boot(image);
        var model = new BindingModel(scenario.Layout, scenario.BootTypes, deregistrationFinal);
        Compare(kernel, model, views, "after boot");
        var step = 0;
        foreach (var op in scenario.Ops)
        {
            step++;
            Step(kernel, model, views, op, step);
            Compare(kernel, model, views, $"after step {step}, {op}");
        }
        CompareLogs(kernel, model, views);
    }

    private static void Step(IKernel kernel, BindingModel model, BindingViews views, DeviceOp op, int step)
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
                var expected = model.Apply(op);
                if (expected is null) return;
                // Callers alternate: a method call is the same for root and an ordinary user.
                var user = step % 2 == 0 ? Modules.Root : "alice";
                var device = model.Devices.First(d => d.Name == op.Name);
                var result = kernel.DevCallAs(user, BindingModel.PathOf(device), "poke_" + op.Type, [.. op.Args]);
                if (!views.HasFlag(BindingViews.Results)) return;
                if (expected.Value) Check.Returns(result, op.Args, $"step {step}, {op} as {user}");
                else Check.Fails(result, $"step {step}, {op} as {user} (rec_{op.Type} is not bound there)");
                return;
        }
        model.Apply(op);
    }

    private static void Compare(IKernel kernel, BindingModel model, BindingViews views, string @case)
    {
        if (views.HasFlag(BindingViews.Bindings))
        {
            foreach (var device in model.Devices)
            {
                var path = BindingModel.PathOf(device);
                var expected = model.Bound(device.Name);
                var actual = kernel.BoundDrivers(path).Where(kv => !model.Unknown(device.Name, kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                Check.That(actual.Count == expected.Count && expected.All(kv => actual.GetValueOrDefault(kv.Key) == kv.Value),
                    $"{@case}: drivers on {path} (devinfo types)", Devices.Render(expected), Devices.Render(actual));
            }
        }
        if (views.HasFlag(BindingViews.Inits)) CompareEvents(kernel, model, "init", @case);
        if (views.HasFlag(BindingViews.Deinits)) CompareEvents(kernel, model, "deinit", @case);
        if (views.HasFlag(BindingViews.Find))
        {
            CompareFind(kernel, model, @case);
            CompareGone(kernel, model, @case);
        }
    }

    private static void CompareEvents(IKernel kernel, BindingModel model, string @event, string @case)
    {
        var counted = kernel.DriverEvents().Where(e => e.Event == @event).GroupBy(e => (e.Id, e.Driver)).ToDictionary(g => g.Key, g => g.Count());
        var expected = model.Events.Where(kv => kv.Key.Event == @event).ToDictionary(kv => (kv.Key.Id, kv.Key.Driver), kv => kv.Value);
        foreach (var key in counted.Keys.Union(expected.Keys).Where(k => model.Countable(k.Driver)).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            Check.That(counted.GetValueOrDefault(key) == expected.GetValueOrDefault(key), $"{@case}: {@event} calls of {key.Driver} on {key.Id}",
                expected.GetValueOrDefault(key).ToString(System.Globalization.CultureInfo.InvariantCulture),
                counted.GetValueOrDefault(key).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CompareFind(IKernel kernel, BindingModel model, string @case)
    {
        foreach (var type in DeviceGenerators.DeviceTypes)
        {
            var driverType = Devices.RecTypes.Contains(type) ? type : null;
            var expected = driverType is null ? [] : model.PathsWith(driverType);
            if (expected is null) continue;
            var found = Texts(Check.Succeeds(kernel.Syscall(Modules.Root, "devfind", type), $"{@case}: devfind(\"{type}\")"));
            Check.That(found.SequenceEqual(expected), $"{@case}: devfind(\"{type}\")", $"[{string.Join(", ", expected)}]", $"[{string.Join(", ", found)}]");
        }
        foreach (var device in model.Devices)
        {
            var path = BindingModel.PathOf(device);
            // A side name may name other nodes too (Phoenix's /redstone/left): there the device's own path must be among them.
            var looked = Texts(Check.Succeeds(kernel.Syscall("alice", "devlookup", device.Name), $"{@case}: devlookup(\"{device.Name}\")"));
            Check.That(device.ModemSide is null ? looked.Contains(path) : looked.SequenceEqual([path]), $"{@case}: devlookup(\"{device.Name}\")",
                path, $"[{string.Join(", ", looked)}]");
            if (Devices.RecTypes.Any(t => model.Unknown(device.Name, t))) continue;
            var values = Check.Succeeds(kernel.Syscall("alice", "devmethods", path), $"{@case}: devmethods(\"{path}\")");
            var methods = values.Count > 0 && values[0] is LuaTable list ? list.Array.Select(v => v.ToString()).Order(StringComparer.Ordinal).ToArray() : [];
            var wanted = model.Bound(device.Name).Keys.SelectMany(MethodsOf).Select(m => LuaString.From(m).ToString()).Order(StringComparer.Ordinal).ToArray();
            Check.That(methods.SequenceEqual(wanted), $"{@case}: devmethods(\"{path}\")", $"[{string.Join(", ", wanted)}]", $"[{string.Join(", ", methods)}]");
        }
    }

    private static void CompareGone(IKernel kernel, BindingModel model, string @case)
    {
        foreach (var name in model.Gone)
        {
            var looked = Texts(Check.Succeeds(kernel.Syscall("alice", "devlookup", name), $"{@case}: devlookup(\"{name}\")"));
            Check.That(looked.Length == 0, $"{@case}: devlookup(\"{name}\") after it was detached", "no path", $"[{string.Join(", ", looked)}]");
        }
    }

    /// <summary>Every string among the values, or the strings of a list in the first one, sorted.</summary>
    private static string[] Texts(IReadOnlyList<LuaValue> values)
    {
        var items = values.Count == 1 && values[0] is LuaTable list ? list.Array : values;
        return items.OfType<LuaString>().Select(s => s.Text).Order(StringComparer.Ordinal).ToArray();
    }

    private static void CompareLogs(IKernel kernel, BindingModel model, BindingViews views)
    {
        foreach (var name in model.LoggedNames)
        {
            var remote = !PeripheralSpec.Sides.Contains(name);
            if (!views.HasFlag(remote ? BindingViews.RemoteLogs : BindingViews.SideLogs)) continue;
            // A side name may also have held a modem, whose log has the kernel's own modem calls: compare the pokes.
            var log = kernel.ReadPeripheralLog(name).Where(c => c.Method.StartsWith("poke_", StringComparison.Ordinal));
            Check.That(log.SequenceEqual(model.Log(name)), $"call log of {name}", $"[{string.Join("; ", model.Log(name))}]", $"[{string.Join("; ", log)}]");
        }
        if (!views.HasFlag(BindingViews.RemoteLogs)) return;
        foreach (var side in model.ModemSides)
        {
            var remote = kernel.CallsOf(side, "callRemote").Where(c => c.Args.Count > 1 && c.Args[1] is LuaString m && m.Text.StartsWith("poke_", StringComparison.Ordinal));
            Check.That(remote.SequenceEqual(model.RemoteCalls(side)), $"poke calls the wired modem on {side} forwarded",
                $"[{string.Join("; ", model.RemoteCalls(side))}]", $"[{string.Join("; ", remote)}]");
        }
    }
}
