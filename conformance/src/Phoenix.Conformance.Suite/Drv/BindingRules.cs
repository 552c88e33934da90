using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-BIND-TYPE, DRV-BIND-BOOT, DRV-BIND-LATER: a driver "automatically load[s] onto peripherals which match
/// the driver's type", at boot and when they are attached later, directly or through a wired modem.</summary>
public sealed class BindingRules
{
    [Clause("DRV-BIND-TYPE")]
    public void Drivers_BindOnlyWhereAPeripheralTypeEqualsDriverType(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context).WithPeripherals(
            Devices.RecDevice("left", "alpha"),
            Devices.RecDevice("right", "rec_beta"),           // a type equal to a driver's name, not its type
            // The matching type is not the first. The first is no CC type: a real kernel's built-in driver for one (an
            // inventory, say) would call methods the simulated peripheral does not have.
            Devices.RecDevice("top", "conformance_other", "gamma"),
            Devices.RecDevice("bottom", "alphabet"),          // a type that merely starts like one
            Devices.RecDevice("net_0", "beta", "delta").Behind("back"));
        using var kernel = context.Boot(image);
        Expect(kernel, "/left", ("alpha", "rec_alpha"));
        Expect(kernel, "/right");
        Expect(kernel, "/top", ("gamma", "rec_gamma"));
        Expect(kernel, "/bottom");
        Expect(kernel, "/back/net_0", ("beta", "rec_beta"), ("delta", "rec_delta"));
    }

    [Clause("DRV-BIND-BOOT")]
    public void BootModuleDriver_BindsEveryMatchingPeripheralPresentAtBoot(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(
            Devices.MyDevice("left"), Devices.MyDevice("right"), Devices.MyDevice("mydevice_0").Behind("back"),
            Devices.MyDevice("mydevice_1").Behind("back"), Devices.MyDevice("mydevice_2").Behind("front"));
        using var kernel = context.Boot(image);
        foreach (var path in new[] { "/left", "/right", "/back/mydevice_0", "/back/mydevice_1", "/front/mydevice_2" })
        {
            Check.That(kernel.DriverFor(path, "mydevice") == "mydriver", $"mydevice at {path} present at boot", "mydriver bound",
                Devices.Render(kernel.BoundDrivers(path)));
        }
    }

    [Clause("DRV-BIND-LATER")]
    public void PeripheralAttachedAfterRegistration_GetsTheDriver(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithMyDriver(context).WithPeripheral(Devices.MyDevice("mydevice_0").Behind("back")));
        kernel.Attach(Devices.MyDevice("left"));
        kernel.Attach(Devices.MyDevice("mydevice_1").Behind("back"));   // on a modem present at boot
        kernel.Attach(Devices.MyDevice("mydevice_2").Behind("front"));  // bringing a new wired modem
        foreach (var path in new[] { "/left", "/back/mydevice_1", "/front/mydevice_2" })
        {
            Check.That(kernel.DriverFor(path, "mydevice") == "mydriver", $"mydevice attached at {path} after boot", "mydriver bound",
                Devices.Render(kernel.BoundDrivers(path)));
            Check.Returns(kernel.DevCall(path, "getProp"), [42], $"devcall(\"{path}\", \"getProp\")");
        }
    }

    [Clause("DRV-BIND-LATER")]
    public void ReattachedPeripheral_GetsTheDriverAgain(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithMyDriver(context).WithPeripheral(Devices.MyDevice("left")));
        kernel.Detach("left");
        kernel.Attach(Devices.MyDevice("left"));
        Check.That(kernel.DriverFor("/left", "mydevice") == "mydriver", "mydevice detached and attached again at /left", "mydriver bound",
            Devices.Render(kernel.BoundDrivers("/left")));
    }

    private static void Expect(IKernel kernel, string path, params (string Type, string Driver)[] expected)
    {
        var bound = kernel.BoundDrivers(path);
        var ok = bound.Count == expected.Length && expected.All(e => bound.TryGetValue(e.Type, out var d) && d == e.Driver);
        Check.That(ok, $"drivers on {path}", Devices.Render(expected.ToDictionary(e => e.Type, e => e.Driver)), Devices.Render(bound));
    }
}
