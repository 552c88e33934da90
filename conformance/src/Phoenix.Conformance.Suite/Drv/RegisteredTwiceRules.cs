using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-DEREGISTER with a driver registered twice: "deregisterDriver(driver) ... will unload the driver from all
/// matching devices and removes it from the driver list". A driver is in the list or not, so one deregistration
/// unloads it everywhere and no later peripheral gets it; a kernel that lists it once per registration and removes
/// one entry keeps binding it. How often init ran is the page's to leave open, but each node's deinits must then
/// balance its inits.</summary>
public sealed class RegisteredTwiceRules
{
    [Clause("DRV-DEREGISTER")]
    public void DriverRegisteredTwice_DeregisteredOnce_IsGoneEverywhere_AndBindsNoLaterPeripheral(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context, ["alpha", "alpha"])
            .WithPeripherals(Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "alpha").Behind("back"));
        using var kernel = context.Boot(image);
        foreach (var path in new[] { "/left", "/back/net_0" })
        {
            Check.That(kernel.DriverFor(path, "alpha") == "rec_alpha", $"{path} at boot, rec_alpha registered twice", "rec_alpha bound", Devices.Render(kernel.BoundDrivers(path)));
        }
        Check.Succeeds(kernel.CallModule(Modules.Root, "recdrivers", "deregister", "alpha"), "deregisterDriver(rec_alpha), once");
        foreach (var path in new[] { "/left", "/back/net_0" })
        {
            Check.That(kernel.DriverFor(path, "alpha") is null, $"{path} after one deregistration", "no rec_alpha", Devices.Render(kernel.BoundDrivers(path)));
            Check.Fails(kernel.DevCall(path, "poke_alpha", 1), $"devcall(\"{path}\", \"poke_alpha\", 1) after one deregistration");
        }
        foreach (var id in new[] { "left", "net_0" })
        {
            var events = kernel.DriverEvents().Where(e => e.Id == id && e.Driver == "rec_alpha").ToArray();
            var inits = events.Count(e => e.Event == "init");
            Check.That(inits >= 1 && events.Length == 2 * inits, $"init and deinit calls of rec_alpha on {id}", "as many deinits as inits", string.Join("; ", events));
        }
        kernel.Attach(Devices.RecDevice("right", "alpha"));
        kernel.Attach(Devices.RecDevice("net_1", "alpha").Behind("back"));
        kernel.Attach(Devices.RecDevice("net_2", "alpha").Behind("front"));
        foreach (var path in new[] { "/right", "/back/net_1", "/front/net_2" })
        {
            Check.That(kernel.DriverFor(path, "alpha") is null, $"{path} attached after the deregistration", "no rec_alpha", Devices.Render(kernel.BoundDrivers(path)));
        }
    }
}
