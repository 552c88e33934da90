using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// Shorthands the DRV rules share: the fixture drivers in images, the peripherals they drive, and reading the device
/// tree through the device syscalls (devinfo, devcall; facts §5.7), the witness and peripheral call logs. Device
/// specs are absolute paths ("/left", "/back/mydevice_0": facts §5.2).
/// </summary>
public static class Devices
{
    public const string MyDriver = "DRV-SHAPE/mydriver.lua";

    public const string RecDrivers = "DRV-METHOD-ARGS/recdrivers.lua";

    /// <summary>The types the recording drivers exist for; driver "rec_&lt;type&gt;" handles type &lt;type&gt;.</summary>
    public static readonly IReadOnlyList<string> RecTypes = ["alpha", "beta", "gamma", "delta"];

    /// <summary>A "mydevice" peripheral as the page's mydriver expects: getProp returns 42, foo echoes.</summary>
    public static PeripheralSpec MyDevice(string name) => PeripheralSpec.Device(name, "mydevice")
        .WithMethod("getProp", PeripheralMethod.Returns(42))
        .WithMethod("foo", PeripheralMethod.Echo);

    /// <summary>A peripheral of the given types with the recording drivers' peripheral methods (poke_&lt;type&gt;, echoing).</summary>
    public static PeripheralSpec RecDevice(string name, params string[] types) =>
        RecTypes.Aggregate(PeripheralSpec.Device(name, types), (spec, t) => spec.WithMethod("poke_" + t, PeripheralMethod.Echo));

    public static BootImage WithMyDriver(this BootImage image, RuleContext context) => image.WithModule(context, MyDriver, "mydriver");

    /// <summary>The recording drivers, registering <paramref name="bootTypes"/> at load (all four when null), plus the witness.</summary>
    public static BootImage WithRecDrivers(this BootImage image, RuleContext context, IEnumerable<string>? bootTypes = null)
    {
        var source = context.Fixture(RecDrivers);
        if (bootTypes is not null) source = $"local BOOT_TYPES = {{ {string.Join(", ", bootTypes.Select(t => $"\"{t}\""))} }}\n" + source;
        return image.WithFile($"{Modules.Directory}/recdrivers.lua", source).WithWitness(context);
    }

    public static BootImage WithPeripherals(this BootImage image, params PeripheralSpec[] peripherals) =>
        peripherals.Aggregate(image, (i, p) => i.WithPeripheral(p));

    /// <summary>devinfo(path) as a table; a missing node or a failed call fails the rule.</summary>
    public static LuaTable DevInfo(this IKernel kernel, string path)
    {
        var values = Check.Succeeds(kernel.Syscall(Modules.Root, "devinfo", path), $"devinfo(\"{path}\")");
        return values.Count > 0 && values[0] is LuaTable info ? info
            : throw Check.Violation($"devinfo(\"{path}\")", "a device info table", values.Count == 0 ? "nothing" : values[0].ToString());
    }

    /// <summary>devinfo's types: ComputerCraft type → name of the driver bound for it.</summary>
    public static IReadOnlyDictionary<string, string> BoundDrivers(this IKernel kernel, string path) =>
        kernel.DevInfo(path)[LuaString.From("types")] is LuaTable types
            ? types.Hash.Where(kv => kv.Key is LuaString && kv.Value is LuaString)
                .ToDictionary(kv => ((LuaString)kv.Key).Text, kv => ((LuaString)kv.Value).Text, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>The driver bound for <paramref name="type"/> on the node at <paramref name="path"/>, or null.</summary>
    public static string? DriverFor(this IKernel kernel, string path, string type) =>
        kernel.BoundDrivers(path).TryGetValue(type, out var name) ? name : null;

    public static string Render(IReadOnlyDictionary<string, string> drivers) =>
        "{" + string.Join(", ", drivers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) + "}";

    public static SyscallResult DevCall(this IKernel kernel, string path, string method, params LuaValue[] args) =>
        kernel.DevCallAs(Modules.Root, path, method, args);

    /// <summary>devcall as a process of <paramref name="user"/>.</summary>
    public static SyscallResult DevCallAs(this IKernel kernel, string user, string path, string method, params LuaValue[] args) =>
        kernel.Syscall(user, "devcall", [path, method, .. args]);

    /// <summary>Every init and deinit the recording drivers saw, in order.</summary>
    public static IReadOnlyList<DriverEvent> DriverEvents(this IKernel kernel)
    {
        var values = Check.Succeeds(kernel.Witness("driverEvents"), "reading CONFORMANCE.driverEvents");
        return values.Count > 0 && values[0] is LuaTable list ? list.Array.OfType<LuaTable>().Select(DriverEvent.From).ToArray() : [];
    }

    /// <summary>The calls of <paramref name="method"/> in a peripheral's log.</summary>
    public static IReadOnlyList<PeripheralCall> CallsOf(this IKernel kernel, string peripheral, string method) =>
        kernel.ReadPeripheralLog(peripheral).Where(c => c.Method == method).ToArray();

    /// <summary>A string field of a table result, or null.</summary>
    public static string? TextField(this LuaTable table, string key) => table[LuaString.From(key)] is LuaString s ? s.Text : null;
}
