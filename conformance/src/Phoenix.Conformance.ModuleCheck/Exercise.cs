using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using Kernel = Phoenix.ReferenceKernel.ReferenceKernel;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>
/// What the checker does with a loaded module, as users and root would: every API function called by an ordinary
/// user with probe functions as arguments (alone, after other values, inside a table), every driver's methods called
/// the same way on a peripheral of its type, and every filesystem type
/// the module added mounted by root with a probe in its options, then used and unmounted. Errors the module raises
/// are expected (the arguments are not what it wants) and ignored: only where a probe runs matters.
/// </summary>
internal static class Exercise
{
    private const string CallProgram = """
        local name, func = ...
        local function probe(where)
          return syscall.checkmodule_probe(string.format("callmodule(%q, %q) %s", name, func, where), name)
        end
        local calls = {
          { probe("argument 1") },
          { "text", probe("argument 2") },
          { probe("argument 1"), probe("argument 2") },
          { { probe("argument 1 field [1]"), callback = probe("argument 1 field callback") } },
          { 1, 2, probe("argument 3") },
        }
        for _, args in ipairs(calls) do pcall(syscall.callmodule, name, func, table.unpack(args)) end
        """;

    // Root mounts (with a probe in the options) and later unmounts; in between an ordinary user works in the mount,
    // so methods that treat other users differently are reached too.
    private const string MountProgram = """
        local fstype, dir, name = ...
        local p = syscall.checkmodule_probe(string.format("mount(%q, ...) options", fstype), name)
        return (pcall(syscall.mount, fstype, "checkmodule", dir, { callback = p, p }))
        """;

    private const string UseMountProgram = """
        local dir = ...
        pcall(syscall.list, dir)
        pcall(syscall.stat, dir)
        pcall(syscall.mkdir, dir .. "/dir")
        local ok, handle = pcall(syscall.open, dir .. "/file", "w")
        if ok and type(handle) == "table" then pcall(handle.write, "checked") pcall(handle.close) end
        pcall(syscall.open, dir .. "/file", "r")
        pcall(syscall.rename, dir .. "/file", dir .. "/moved")
        pcall(syscall.remove, dir .. "/moved")
        pcall(syscall.remove, dir .. "/dir")
        """;

    private const string DeviceProgram = """
        local devtype, name = ...
        for _, device in ipairs({ syscall.devfind(devtype) }) do
          local ok, lists = pcall(syscall.devmethods, device)
          local methods = {}
          if ok and type(lists) == "table" then
            for _, entry in pairs(lists) do
              if type(entry) == "string" then methods[#methods + 1] = entry end
            end
          end
          for _, method in ipairs(methods) do
            local function probe(where)
              return syscall.checkmodule_probe(string.format("devcall(%q, %q) %s", devtype, tostring(method), where), name)
            end
            pcall(syscall.devcall, device, method, probe("argument 1"))
            pcall(syscall.devcall, device, method, "text", probe("argument 2"))
            pcall(syscall.devcall, device, method, { probe("argument 1 field [1]"), callback = probe("argument 1 field callback") })
          end
        end
        """;

    public static void CallApi(Kernel kernel, string name)
    {
        foreach (var func in ModuleChecker.Strings(kernel.Syscall("root", "checkmodule_api", [LuaString.From(name)])))
        {
            kernel.RunUserChunk(ModuleChecker.CallingUser, CallProgram, [LuaString.From(name), LuaString.From(func)]);
        }
    }

    /// <summary>A peripheral of each device type the module's drivers handle, on the sides in turn (six at most), so
    /// that the drivers bind; their methods are then called by an ordinary user, and the peripherals detached.</summary>
    public static void CallDrivers(Kernel kernel, string name)
    {
        var types = ModuleChecker.Strings(kernel.Syscall("root", "checkmodule_drivers", [LuaString.From(name)])).Distinct();
        foreach (var (devtype, side) in types.Zip(PeripheralSpec.Sides))
        {
            kernel.AttachPeripheral(PeripheralSpec.Device(side, devtype));
            kernel.RunUserChunk(ModuleChecker.CallingUser, DeviceProgram, [LuaString.From(devtype), LuaString.From(name)]);
            kernel.DetachPeripheral(side);
        }
    }

    public static void MountFilesystems(Kernel kernel, string name)
    {
        var dir = LuaString.From(ModuleChecker.MountPoint);
        foreach (var fstype in ModuleChecker.Strings(kernel.Syscall("root", "checkmodule_filesystems", [LuaString.From(name)])))
        {
            var mounted = kernel.RunUserChunk("root", MountProgram, [LuaString.From(fstype), dir, LuaString.From(name)]);
            if (!mounted.Succeeded || mounted.Values is not [LuaBoolean { Value: true }, ..]) continue;
            foreach (var user in new[] { "root", ModuleChecker.CallingUser })
            {
                kernel.RunUserChunk(user, UseMountProgram, [dir]);
            }
            kernel.Syscall("root", "unmount", [dir]);
        }
    }
}
