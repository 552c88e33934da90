using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-INIT, DRV-DEINIT: "The init function is called when the driver is being added to a device node …
/// deinit should be used to finalize the node and prepare for removal."</summary>
public sealed class LifecycleRules
{
    [Clause("DRV-INIT")]
    public void Binding_CallsInitOnceWithTheNode(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context)
            .WithPeripherals(Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "beta").Behind("back"));
        using var kernel = context.Boot(image);
        kernel.Attach(Devices.RecDevice("right", "gamma"));
        var inits = kernel.DriverEvents().Where(e => e.Event == "init").ToArray();
        foreach (var (driver, id) in new[] { ("rec_alpha", "left"), ("rec_beta", "net_0"), ("rec_gamma", "right") })
        {
            var mine = inits.Where(e => e.Driver == driver && e.Id == id).ToArray();
            Check.That(mine.Length == 1 && mine[0].IsNode && mine[0].Extra == 0, $"init of {driver} on {id}",
                "one call with the node as its only argument", string.Join("; ", inits));
        }
        Check.That(inits.Length == 3, "init calls", "exactly the three bindings", string.Join("; ", inits));
    }

    [Clause("DRV-INIT")]
    public void PagesInit_SetsTheNodesDisplayName(RuleContext context)
    {
        // The page's "function mydriver:init() self.displayName = "My Device" end": self must be the node.
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"));
        using var kernel = context.Boot(image);
        kernel.Attach(Devices.MyDevice("right"));
        foreach (var path in new[] { "/left", "/back/mydevice_0", "/right" })
        {
            Check.Equal("My Device", kernel.DevInfo(path).TextField("displayName") ?? "(none)", $"displayName of {path} after mydriver's init");
        }
    }

    [Clause("DRV-DEINIT")]
    public void PeripheralGoingAway_CallsDeinitWithTheNode(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context).WithPeripherals(
            Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "beta").Behind("back"), Devices.RecDevice("net_1", "gamma").Behind("front"));
        using var kernel = context.Boot(image);
        kernel.Detach("left");
        ExpectOneDeinit(kernel, "rec_alpha", "left", "detaching the side peripheral");
        kernel.Detach("net_0");
        ExpectOneDeinit(kernel, "rec_beta", "net_0", "detaching a peripheral behind the wired modem");
        kernel.Detach("front");
        ExpectOneDeinit(kernel, "rec_gamma", "net_1", "detaching the wired modem in front of it");
    }

    [Clause("DRV-DEINIT")]
    public void Deregistration_CallsDeinitWithTheNode(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context)
            .WithPeripherals(Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "alpha").Behind("back"));
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.CallModule(Modules.Root, "recdrivers", "deregister", "alpha"), "deregisterDriver(rec_alpha) through recdrivers");
        ExpectOneDeinit(kernel, "rec_alpha", "left", "deregistering rec_alpha");
        ExpectOneDeinit(kernel, "rec_alpha", "net_0", "deregistering rec_alpha");
    }

    [Clause("DRV-DEINIT")]
    public void PagesDriverClass_DeinitRunsOnDetach(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "DRV-SHAPE/rootshape.lua", "rootshape").WithWitness(context)
            .WithPeripheral(PeripheralSpec.Device("right", "computer"));
        using var kernel = context.Boot(image);
        kernel.Detach("right");
        var events = Check.Succeeds(kernel.Witness("rootshape", "events"), "reading CONFORMANCE.rootshape.events");
        var list = events.Count > 0 && events[0] is LuaTable t ? t.Array.Select(v => v.ToString()).ToArray() : [];
        Check.That(list.SequenceEqual(["\"init:right\"", "\"deinit:right\""]), "the page's driver class on a computer detached from /right",
            "init then deinit, each with the node", string.Join(", ", list));
    }

    private static void ExpectOneDeinit(IKernel kernel, string driver, string id, string @case)
    {
        var deinits = kernel.DriverEvents().Where(e => e.Event == "deinit").ToArray();
        var mine = deinits.Where(e => e.Driver == driver && e.Id == id).ToArray();
        Check.That(mine.Length == 1 && mine[0].IsNode && mine[0].Extra == 0, $"{@case}: deinit of {driver} on {id}",
            "one call with the node as its only argument", deinits.Length == 0 ? "no deinit calls" : string.Join("; ", deinits));
    }
}
