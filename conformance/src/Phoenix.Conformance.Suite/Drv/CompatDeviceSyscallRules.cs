using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: the device syscalls besides devcall as Phoenix 0.0.9 has them (K 40-hardware, 55-drivers; facts
/// §5.1, §5.7, §5.9): their argument checks and "No such device", how a device spec names a node, and the built-in
/// drivers every Phoenix tree has. From surviving mutants of devices.lua.</summary>
public sealed class CompatDeviceSyscallRules
{
    // Each takes the device spec (or devfind's type) as its first user argument.
    private static readonly string[] OneStringSyscalls = ["devlookup", "devfind", "devinfo", "devmethods", "devproperties", "devchildren"];

    [Clause("PX-DRV-SYSCALL-ERRORS")]
    public void DeviceSyscalls_RefuseANonStringAndAnUnknownDevice(RuleContext context)
    {
        using var kernel = Boot(context);
        foreach (var name in OneStringSyscalls)
        {
            Check.FailsWith(kernel.Syscall(Modules.Root, name, 42), "bad argument #1 (expected string, got number)", $"{name}(42)");
            Check.FailsWith(kernel.Syscall(Modules.Root, name), "bad argument #1 (expected string, got nil)", $"{name}()");
        }
        // devinfo answers nil for an unknown device (PX-DRV-DEVINFO-SHAPE); these three fail.
        foreach (var name in new[] { "devmethods", "devproperties", "devchildren" })
            Check.FailsWith(kernel.Syscall(Modules.Root, name, "/nowhere"), "No such device", $"{name}(\"/nowhere\")");
    }

    [Clause("PX-DRV-LOOKUP")]
    public void DeviceSpecs_AreUuidsPathsOrIds(RuleContext context)
    {
        using var kernel = Boot(context);
        foreach (var path in new[] { "/", "/left", "/back/mydevice_0" })
        {
            var uuid = kernel.DevInfo(path).TextField("uuid") ?? throw Check.Violation($"devinfo(\"{path}\").uuid", "a string", "none");
            Check.Returns(kernel.Syscall(Modules.Root, "devlookup", uuid), [path], $"devlookup of the UUID of {path}");
            Check.Equal(kernel.DevInfo(path)[LuaString.From("id")], kernel.DevInfo(uuid)[LuaString.From("id")], $"devinfo(<UUID of {path}>).id");
        }
        Check.Returns(kernel.Syscall(Modules.Root, "devlookup", "mydevice_0"), ["/back/mydevice_0"], "devlookup(\"mydevice_0\") (an id, searched in the whole tree)");
        Check.Returns(kernel.Syscall(Modules.Root, "devlookup", "back/mydevice_0"), ["/back/mydevice_0"], "devlookup(\"back/mydevice_0\") (a '/' makes it a path from the root)");
    }

    [Clause("PX-DRV-BUILTIN-DRIVERS")]
    public void RootAndModems_AreBoundByPhoenixsBuiltInDrivers(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Equal("root", kernel.DriverFor("/", "computer") ?? "(none)", "devinfo(\"/\").types.computer");
        Check.Equal("peripheral_modem", kernel.DriverFor("/back", "modem") ?? "(none)", "devinfo(\"/back\").types.modem (a wired modem)");
        Check.Equal("peripheral_modem", kernel.DriverFor("/top", "modem") ?? "(none)", "devinfo(\"/top\").types.modem (a wireless modem)");
        Check.Returns(kernel.DevCall("/", "getIsOn"), [true], "devcall(\"/\", \"getIsOn\")");
    }

    // The label is the computer's (os.getComputerLabel): what setLabel sets, getLabel reads. Without a label Phoenix's
    // getLabel answers nil where the reference kernel answers "", so only a set label is compared.
    [Clause("PX-DRV-BUILTIN-DRIVERS")]
    public void RootDriver_SetLabelThenGetLabel_AndChecksItsArgument(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.DevCall("/", "setLabel", "bench-7"), "devcall(\"/\", \"setLabel\", \"bench-7\")");
        Check.Returns(kernel.DevCall("/", "getLabel"), ["bench-7"], "devcall(\"/\", \"getLabel\") after setLabel(\"bench-7\")");
        // Phoenix's expect names the method's frame (" to '?'") and keeps the driver file's position: the parts are compared.
        var refused = Check.Fails(kernel.DevCall("/", "setLabel", 42), "devcall(\"/\", \"setLabel\", 42)");
        Check.That(refused.Contains("bad argument #1", StringComparison.Ordinal) && refused.Contains("(expected string or nil, got number)", StringComparison.Ordinal),
            "devcall(\"/\", \"setLabel\", 42)", "\"bad argument #1 (expected string or nil, got number)\" (with any position or \" to 'name'\")", $"\"{refused}\"");
        Check.Returns(kernel.DevCall("/", "getLabel"), ["bench-7"], "devcall(\"/\", \"getLabel\") after a refused setLabel(42)");
    }

    private static IKernel Boot(RuleContext context) => context.Boot(BootImage.Empty.WithMyDriver(context).WithPeripherals(
        Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"), PeripheralSpec.WirelessModem("top")));
}
