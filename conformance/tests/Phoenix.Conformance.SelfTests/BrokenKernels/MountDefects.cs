namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-FS-OVERLAY-STACK, PX-FS-PROCESS-ROOT and the unmount half of PX-FS-MOUNT-ERRORS:
/// overlay stacks, chroot and unmount's checks, each wrong in one place.</summary>
internal static class MountDefects
{
    private const string Unmount = "local unmount = kernel.syscalls.unmount\n";

    private const string RealPath = "local realPath = kernel.realPath\n";

    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("top-layer-serves-everything", "PX-FS-OVERLAY-STACK", "the newest overlay layer serves every path, whether it has it or not",
            "kernel.pickLayer = function(process, stack, relative) return stack[#stack] end"),
        BrokenKernel.Patched("overlay-list-top-only", "PX-FS-OVERLAY-STACK", "list of an overlay stack lists the top layer only",
            "local list = kernel.syscalls.list\nkernel.syscalls.list = function(process, thread, path)\n" +
            "  local ok, _, relative, key = pcall(kernel.resolve, process, path)\n  local stack = ok and kernel.mounts[key]\n" +
            "  if stack and #stack > 1 then local names = stack[#stack]:list(process, relative) table.sort(names) return names end\n" +
            "  return list(process, thread, path)\nend"),
        BrokenKernel.Patched("unmount-pops-the-base", "PX-FS-OVERLAY-STACK", "unmount of an overlay stack takes away the base layer, not the top",
            Unmount + "kernel.syscalls.unmount = function(process, thread, path)\n  local stack = kernel.mounts[kernel.realPath(process, path)]\n" +
            "  if stack and #stack > 1 then table.remove(stack, 1) return end\n  return unmount(process, thread, path)\nend"),
        BrokenKernel.Patched("root-ignored", "PX-FS-PROCESS-ROOT", "paths are resolved as if the process had no root",
            RealPath + "kernel.realPath = function(process, path) return realPath({ dir = process.dir }, path) end"),
        BrokenKernel.Patched("directory-ignored", "PX-FS-PROCESS-ROOT", "relative paths are resolved from the root, not the working directory",
            RealPath + "kernel.realPath = function(process, path) return realPath({ root = process.root }, path) end"),
        BrokenKernel.Patched("chroot-unchecked", "PX-FS-PROCESS-ROOT", "a path that climbs out of the process's root is followed, not refused",
            "kernel.realPath = function(process, path)\n  local base = path:sub(1, 1) == '/' and '' or (process.dir or '/')\n" +
            "  return host.normalize(host.normalize(process.root or '/') .. '/' .. base .. '/' .. path)\nend"),
        BrokenKernel.Patched("callmount-repacks-arguments", "PX-FS-STAT-NOLINK", "mount methods get their arguments repacked through {...}, losing a trailing nil",
            "kernel.callMount = function(object, method, process, ...) return object[method](object, process, table.unpack({ ... })) end"),
        BrokenKernel.Patched("root-by-lowercase-name", "PX-FS-MOUNT-ERRORS", "mount and unmount take a user named ROOT (any case) for root",
            Unmount + "local mount = kernel.syscalls.mount\n" +
            "local function lowered(process) return setmetatable({ user = process.user:lower() }, { __index = process }) end\n" +
            "kernel.syscalls.unmount = function(process, thread, ...) return unmount(lowered(process), thread, ...) end\n" +
            "kernel.syscalls.mount = function(process, thread, ...) return mount(lowered(process), thread, ...) end"),
        BrokenKernel.Patched("unmount-without-root-stat", "PX-FS-MOUNT-ERRORS", "unmount removes a layer whose root has no stat instead of refusing",
            Unmount + "kernel.syscalls.unmount = function(process, thread, path)\n  local key = kernel.realPath(process, path)\n" +
            "  local stack = kernel.mounts[key]\n  if stack and not stack[#stack]:stat(process, '') then\n" +
            "    stack[#stack] = nil\n    if #stack == 0 then kernel.mounts[key] = nil end\n    return\n  end\n" +
            "  return unmount(process, thread, path)\nend"),
    ];
}
