// Clauses: DRV-BIND-BOOT, DRV-BIND-LATER, DRV-DEINIT, DRV-PERIPHERAL-API, DRV-MODEM
// Compat: PX-DRV-INIT-ERROR-STOPS-KERNEL
// Mirrors: Phoenix 40-hardware (peripheral events) and 99-main (the tree after boot modules)

using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Phoenix.Lua;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Devices;
using Phoenix.ReferenceKernel.Logging;

namespace Phoenix.ReferenceKernel;

/// <summary>
/// Simulated peripherals and the device tree (DRV clauses; facts §5). C# owns the simulated ComputerCraft side
/// (<see cref="PeripheralBus"/>, shared with the CraftOS host; UUIDs); Scripting/devices.lua owns the tree, the
/// drivers and the device syscalls, because driver code is module code and must run as Lua.
/// </summary>
public sealed partial class ReferenceKernel
{
    private readonly PeripheralBus _peripherals = new();

    /// <summary>Attaches a simulated peripheral at runtime and delivers the attach event to the kernel
    /// (DRV-BIND-LATER). A driver that fails while binding stops the kernel, as in Phoenix (facts §10 B5).</summary>
    public void AttachPeripheral(PeripheralSpec peripheral)
    {
        ThrowIfStopped("attach " + peripheral.Name);
        RunDeviceEntry("handleEvent", "peripheral", _peripherals.Attach(peripheral));
    }

    /// <summary>Detaches a simulated peripheral and delivers the detach event (DRV-DEINIT).</summary>
    public void DetachPeripheral(string name)
    {
        ThrowIfStopped("detach " + name);
        if (!_peripherals.Detach(name)) throw new ArgumentException($"No peripheral called '{name}' is attached.", nameof(name));
        RunDeviceEntry("handleEvent", "peripheral_detach", name);
    }

    /// <summary>Every call the peripherals called <paramref name="name"/> received since boot.</summary>
    public IReadOnlyList<PeripheralCall> PeripheralLog(string name) => _peripherals.Log(name);

    /// <summary>
    /// Attaches the image's peripherals and builds the device tree: the root driver, then a node per side and per
    /// networked peripheral, binding drivers as nodes appear. Phoenix does this after module loading (facts §5.2,
    /// 99-main), which is why drivers that boot modules register bind to everything present at boot (DRV-BIND-BOOT),
    /// so the constructor calls it after <see cref="Boot.BootSequence.LoadBootModules"/>.
    /// </summary>
    private void PopulateDevices(BootImage image)
    {
        _peripherals.AttachAll(image.Peripherals);
        try
        {
            using var function = Internal(KernelParts.PopulateDevices);
            _engine.Call(function);
        }
        catch (LuaScriptException e)
        {
            // 99-main: xpcall(hardware.register, function(error) panic("An error occurred while registering devices: " .. error) end, ...)
            throw Stop(SyslogLevel.Panic, $"Kernel panic: An error occurred while registering devices: {e.Message}");
        }
    }

    /// <summary>Registers the C# primitives the device glue (Scripting/devices.lua) calls.</summary>
    private void RegisterDeviceHost(LuaRef host)
    {
        _engine.Register(host, "peripheralNames", _ => [new LuaTable(_peripherals.Names.Select(n => (LuaValue)n))]).Dispose();
        _engine.Register(host, "peripheralTypes", args =>
            _peripherals.Find(Text(args[1]) ?? "") is { } p ? p.Spec.Types.Select(t => (LuaArg)t).ToArray() : []).Dispose();
        _engine.Register(host, "peripheralMethods", args =>
            _peripherals.Find(Text(args[1]) ?? "") is { } p ? [new LuaTable(p.MethodNames.Select(m => (LuaValue)m))] : [LuaArg.Nil]).Dispose();
        _engine.Register(host, "peripheralCall", PeripheralCall).Dispose();
        _engine.Register(host, "nodeUuid", NewNodeUuid).Dispose();
    }

    // host.nodeUuid(parentUuid | nil, name): the parent's UUID comes from a node table modules can write to, so a
    // malformed one is refused as a Lua error instead of escaping as a parse exception.
    private static IReadOnlyList<LuaArg> NewNodeUuid(LuaCallbackArgs args)
    {
        var parent = args[1] is LuaString s ? s.Text : NodeUuid.RootNamespace;
        if (!NodeUuid.IsWellFormed(parent)) throw new LuaRaiseException("invalid parent node UUID");
        return [NodeUuid.Derive(parent, args[2] is LuaString name ? name.Bytes : [])];
    }

    private IReadOnlyList<LuaArg> PeripheralCall(LuaCallbackArgs args)
    {
        var name = Text(args[1]) ?? throw new LuaRaiseException($"bad argument #1 (expected string, got {args.TypeOf(1)})");
        var method = Text(args[2]) ?? throw new LuaRaiseException($"bad argument #2 (expected string, got {args.TypeOf(2)})");
        try
        {
            return _peripherals.Call(name, method, args.All().Skip(2).ToArray()).Select(LuaArg.From).ToArray();
        }
        catch (PeripheralCallException e)
        {
            throw new LuaRaiseException(e.Message);
        }
    }

    /// <summary>Delivers a device event to the glue. Phoenix's event loop does not protect its hooks, so an error that
    /// reaches here (a driver failing to bind, a budget or memory abort) stops the kernel (facts §10 B5).</summary>
    private void RunDeviceEntry(string entry, params LuaArg[] args)
    {
        try
        {
            using var function = Internal(entry);
            _engine.Call(function, args);
        }
        catch (LuaScriptException e)
        {
            throw Stop(SyslogLevel.Critical, $"An error occurred while handling devices ({entry}): {e.Message}");
        }
    }
}
