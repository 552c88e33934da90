// Clauses: none (the seam between the C# kernel and its Lua glue)
// Mirrors: no Phoenix part (Phoenix is one Lua program; its parts are the kernel.lua.d files)

namespace Phoenix.ReferenceKernel;

/// <summary>
/// The declared kernel parts: every name the glue scripts keep in their shared <c>kernel</c> table (Scripting/), which
/// C# calls into (<see cref="Dispatch"/> …), the API scripts build on, and variant kernels (the broken kernels of the
/// self-tests, the module checker's script) replace to change one step. The list is the seam's one declaration. At
/// boot, after the built-in and API scripts ran, the kernel table must hold declared names only, or the boot fails
/// naming them (a part renamed in Lua without this list); from then on assigning an undeclared name raises an error
/// at that line, so an extra script that patches a renamed or misspelt part fails loudly instead of patching nothing.
/// </summary>
public static class KernelParts
{
    /// <summary>The syscall dispatcher C# runs every syscall through (kernel.lua).</summary>
    public const string Dispatch = "dispatch";

    /// <summary>The kernel's own process, whose syscalls are root's at boot (kernel.lua).</summary>
    public const string KernelProcess = "KERNEL";

    /// <summary>Creates a user's process (kernel.lua).</summary>
    public const string NewProcess = "newProcess";

    /// <summary>Runs a user program in a process (usermode.lua).</summary>
    public const string RunProgram = "runProgram";

    /// <summary>Builds the device tree after the boot modules loaded (devices.lua).</summary>
    public const string PopulateDevices = "populateDevices";

    /// <summary>Set by C#: true while boot modules load (userModeCallback refuses then, facts §6).</summary>
    public const string Booting = "booting";

    /// <summary>Set by C#: runs common/lua/bit32.lua (api-lualib.lua calls it).</summary>
    public const string LoadBit32 = "loadBit32";

    /// <summary>Set by C#: runs common/lua/math52.lua, Lua 5.2's math.frexp and math.ldexp (api-lualib.lua calls it).</summary>
    public const string LoadMath52 = "loadMath52";

    /// <summary>Every declared part, by the script that defines it.</summary>
    public static IReadOnlyDictionary<string, string[]> ByScript { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["(C#)"] = [Booting, LoadBit32, LoadMath52],
        ["kernel.lua"] = [KernelProcess, Dispatch, "expect", "handles", NewProcess, "newUserEnv", "processes", "syscalls", "syslog"],
        ["kmod.lua"] = ["invokeApi", "modules", "reportModuleError", "runUnload", "startModule", "storeModule"],
        ["usermode.lua"] = ["fromUser", "newThread", RunProgram, "runThread", "serveSyscall", "syscallLibrary", "toUser", "userModeCallback"],
        ["fs.lua"] = ["callMount", "filesystems", "findFilesystem", "mounts", "newMount", "pickLayer", "realPath", "resolve", "runUnmountHook"],
        ["devices.lua"] =
        [
            "addNode", "bindDriver", "callMethod", "deregisterDriver", "deviceEvent", "deviceInfo", "deviceProperties", "driverList",
            "driverMatches", "eachNode", "lookup", "nodeAdded", "nodeTypes", "path", "peripheral", "peripheralApi", PopulateDevices,
            "registerDriver", "removeNode", "root", "rootDriver", "runDeinit", "runInit", "tryBind", "unbindDriver", "validateDriver",
        ],
        ["api-core.lua"] = ["apiExpect", "handleEvent", "processLoaders"],
        ["api-filesystem.lua"] = ["filesystem"],
    };

    /// <summary>Every declared name.</summary>
    public static IReadOnlySet<string> All { get; } = ByScript.Values.SelectMany(names => names).ToHashSet(StringComparer.Ordinal);
}
