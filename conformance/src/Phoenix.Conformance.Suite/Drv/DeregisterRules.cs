using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-DEREGISTER: "The deregisterDriver(driver) function will unload the driver from all matching devices
/// and removes it from the driver list". Phoenix 0.0.9 keeps binding a deregistered driver to later peripherals
/// (facts §10 B1-B4); the page wins, so these rules require that it never binds again.</summary>
public sealed class DeregisterRules
{
    [Clause("DRV-DEREGISTER")]
    public void UnloadingThePagesDriver_UnbindsItEverywhere_AndLaterPeripheralsDoNotGetIt(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"));
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "mydriver"), "unloadmodule(\"mydriver\") (its unload calls deregisterDriver)");
        foreach (var path in new[] { "/left", "/back/mydevice_0" })
        {
            Check.That(kernel.DriverFor(path, "mydevice") is null, $"{path} after deregistration", "no mydriver", Devices.Render(kernel.BoundDrivers(path)));
            Check.Fails(kernel.DevCall(path, "getProp"), $"devcall(\"{path}\", \"getProp\") after deregistration");
        }
        kernel.Attach(Devices.MyDevice("right"));
        kernel.Attach(Devices.MyDevice("mydevice_1").Behind("back"));
        kernel.Attach(Devices.MyDevice("mydevice_2").Behind("front"));
        foreach (var path in new[] { "/right", "/back/mydevice_1", "/front/mydevice_2" })
        {
            Check.That(kernel.DriverFor(path, "mydevice") is null, $"{path} attached after deregistration", "no mydriver", Devices.Render(kernel.BoundDrivers(path)));
        }
    }

    [Clause("DRV-DEREGISTER")]
    public void Deregistration_CallsDeinitOnEveryBoundNode_AndLeavesOtherDrivers(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context).WithPeripherals(
            Devices.RecDevice("left", "alpha", "beta"), Devices.RecDevice("net_0", "alpha").Behind("back"), Devices.RecDevice("net_1", "alpha").Behind("front"));
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.CallModule(Modules.Root, "recdrivers", "deregister", "alpha"), "deregisterDriver(rec_alpha)");
        var deinits = kernel.DriverEvents().Where(e => e.Event == "deinit").ToArray();
        var ids = deinits.Where(e => e.Driver == "rec_alpha").Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        Check.That(ids.SequenceEqual(["left", "net_0", "net_1"]), "deinit calls of rec_alpha", "one on each of left, net_0, net_1",
            string.Join("; ", deinits));
        Check.That(kernel.DriverFor("/left", "beta") == "rec_beta", "rec_beta on /left", "still bound", Devices.Render(kernel.BoundDrivers("/left")));
        kernel.Attach(Devices.RecDevice("net_2", "alpha").Behind("back"));
        kernel.Attach(Devices.RecDevice("right", "alpha"));
        var inits = kernel.DriverEvents().Where(e => e.Event == "init" && e.Id is "net_2" or "right").ToArray();
        Check.That(inits.Length == 0, "peripherals of type alpha attached after deregistration", "no init", string.Join("; ", inits));
    }
}
