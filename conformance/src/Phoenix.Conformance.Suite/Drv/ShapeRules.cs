using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-SHAPE: "A driver consists of a name, type, property list, method list, and initializer and
/// deinitializer methods", registered with registerDriver(driver). The page's two examples must work as written.</summary>
public sealed class ShapeRules
{
    [Clause("DRV-SHAPE")]
    public void PagesBasicDriver_RegisteredByBootModule_BindsAndAnswers(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripheral(Devices.MyDevice("left"));
        using var kernel = context.Boot(image);
        Check.That(kernel.DriverFor("/left", "mydevice") == "mydriver", "the page's mydriver (no deinit) on a mydevice at /left",
            "devinfo types mydevice=mydriver", Devices.Render(kernel.BoundDrivers("/left")));
        Check.Returns(kernel.DevCall("/left", "getProp"), [42], "devcall(\"/left\", \"getProp\")");
    }

    [Clause("DRV-SHAPE")]
    public void PagesDriverClass_WithEverySlot_BindsAndAnswers(RuleContext context)
    {
        var computer = PeripheralSpec.Device("right", "computer")
            .WithMethod("getID", PeripheralMethod.Returns(7))
            .WithMethod("getLabel", PeripheralMethod.Returns("neighbour"));
        var image = BootImage.Empty.WithModule(context, "DRV-SHAPE/rootshape.lua", "rootshape").WithPeripheral(computer);
        using var kernel = context.Boot(image);
        Check.That(kernel.DriverFor("/right", "computer") == "root", "the page's driver class (name root, type computer) on a computer at /right",
            "devinfo types computer=root", Devices.Render(kernel.BoundDrivers("/right")));
        Check.Returns(kernel.DevCall("/right", "getId"), [7], "devcall(\"/right\", \"getId\")");
        Check.Returns(kernel.DevCall("/right", "getLabel"), ["neighbour"], "devcall(\"/right\", \"getLabel\")");
    }

    [Clause("DRV-SHAPE")]
    public void DriverWithoutInitOrDeinit_StillBinds(RuleContext context)
    {
        // The page calls init and deinit "methods" of the driver but its own basic example has no deinit; a driver with
        // neither (the recording drivers' shape minus both) must be accepted too.
        var image = BootImage.Empty
            .WithFile($"{Modules.Directory}/bare.lua",
                "registerDriver({ name = 'bare', type = 'baretype', properties = {}, methods = { hello = function() return 'hi' end } })\nreturn {}")
            .WithPeripheral(PeripheralSpec.Device("top", "baretype"));
        using var kernel = context.Boot(image);
        Check.Returns(kernel.DevCall("/top", "hello"), [LuaString.From("hi")], "devcall(\"/top\", \"hello\") on a driver without init and deinit");
    }
}
