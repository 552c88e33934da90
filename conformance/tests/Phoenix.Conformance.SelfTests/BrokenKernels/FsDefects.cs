namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the FS clauses and their COMPAT companions: each replaces one filesystem part.</summary>
internal static class FsDefects
{
    private static BrokenKernel CallMount(string name, string breaks, string defect, string body) =>
        BrokenKernel.Patched(name, breaks, defect,
            "local call = kernel.callMount\nkernel.callMount = function(object, method, process, ...)\n" + body + "\nend");

    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("builtin-types-only", "FS-REGISTER", "mount ignores types modules store in filesystems",
            "local builtin = { tmpfs = kernel.filesystems.tmpfs }\nkernel.findFilesystem = function(t) return builtin[t] end"),
        BrokenKernel.Patched("unknown-types-as-tmpfs", "FS-REGISTER", "mount falls back to tmpfs for a type nobody registered",
            "local find = kernel.findFilesystem\nkernel.findFilesystem = function(t) return find(t) or kernel.filesystems.tmpfs end"),
        BrokenKernel.Patched("new-as-plain-call", "FS-NEW", "new is called as new(process, source, options), not as a method",
            "kernel.newMount = function(class, process, src, options) return class.new(process, src, options) end"),
        BrokenKernel.Patched("nil-options", "FS-NEW", "new gets nil options when mount had none",
            "kernel.newMount = function(class, process, src, options)\n" +
            "  if next(options) == nil then options = nil end\n  return class:new(process, src, options)\nend"),
        BrokenKernel.Patched("requires-metatable", "FS-NEW-RESULT", "refuses mount objects without a class metatable",
            "local newMount = kernel.newMount\nkernel.newMount = function(...)\n  local object = newMount(...)\n" +
            "  if getmetatable(object) == nil then error('mount object has no class', 0) end\n  return object\nend"),
        BrokenKernel.Patched("copies-mount-objects", "FS-NEW-RESULT", "keeps a plain copy of the object new returned, losing its metatable",
            "local newMount = kernel.newMount\nkernel.newMount = function(...)\n  local object, copy = newMount(...), {}\n" +
            "  for k, v in pairs(object) do copy[k] = v end\n  return copy\nend"),
        CallMount("never-dispatches-chown", "FS-METHODS", "chown never reaches the mount",
            "  if method == 'chown' then return end\n  return call(object, method, process, ...)"),
        CallMount("no-link-or-mkfifo-dispatch", "FS-METHODS-V2", "link and mkfifo never reach the mount",
            "  if method == 'link' or method == 'mkfifo' then return end\n  return call(object, method, process, ...)"),
        CallMount("forgets-process", "FS-METHOD-ARGS", "mount methods get (self, path, ...) without the process",
            "  return object[method](object, ...)"),
        CallMount("swaps-chmod-user-and-mode", "FS-METHOD-ARGS", "chmod reaches the mount as (path, mode, user)",
            "  if method == 'chmod' then local path, user, mode = ...\n    return call(object, method, process, path, mode, user) end\n" +
            "  return call(object, method, process, ...)"),
        BrokenKernel.Patched("absolute-paths", "FS-RELATIVE-PATH", "mount methods get the path with a leading slash",
            "local resolve = kernel.resolve\nkernel.resolve = function(process, path)\n" +
            "  local object, relative, key = resolve(process, path)\n  return object, '/' .. relative, key\nend"),
        BrokenKernel.Patched("shortest-mount", "FS-RELATIVE-PATH", "a path goes to the shortest matching mount",
            "kernel.resolve = function(process, path)\n  local real = kernel.realPath(process, path)\n" +
            "  return kernel.mounts[''][1], real, ''\nend"),
        BrokenKernel.Patched("string-prefix-mounts", "FS-RELATIVE-PATH", "/mnt also matches /mntx (string prefix, not components)",
            "kernel.resolve = function(process, path)\n  local real = kernel.realPath(process, path)\n  local best\n" +
            "  for key in pairs(kernel.mounts) do\n    if real:sub(1, #key) == key and (best == nil or #key > #best) then best = key end\n  end\n" +
            "  local relative = real:sub(#best + 1):gsub('^/', '')\n" +
            "  return kernel.pickLayer(process, kernel.mounts[best], relative), relative, best\nend"),
        BrokenKernel.Patched("dispatches-without-type-checks", "FS-TYPE-CHECKED", "syscall arguments are not type-checked",
            "kernel.expect = function(index, value) return value end"),
        BrokenKernel.Patched("info-gets-process", "FS-INFO", "mountlist calls info(self, process)",
            "kernel.syscalls.mountlist = function(process)\n  local list = {}\n" +
            "  for key, stack in pairs(kernel.mounts) do for _, object in ipairs(stack) do\n" +
            "    local t, s, o = object:info(process)\n    list[#list + 1] = { path = '/' .. key, type = t, source = s, options = o }\n" +
            "  end end\n  return list\nend"),
        BrokenKernel.Patched("dispatches-combine", "FS-NOT-DISPATCHED", "combine is handed to the filesystem when it has a combine method",
            "local combine = kernel.syscalls.combine\nkernel.syscalls.combine = function(process, thread, first, ...)\n" +
            "  local object, relative = kernel.resolve(process, first)\n" +
            "  if object.combine then object:combine(process, relative, ...) end\n  return combine(process, thread, first, ...)\nend"),
        BrokenKernel.Patched("ignores-unmount-hook", "FS-UNMOUNT-HOOK", "unmount never calls the mount's unmount method",
            "kernel.runUnmountHook = function() end"),
        BrokenKernel.Patched("requires-unmount-hook", "FS-UNMOUNT-HOOK", "unmount fails for a mount without an unmount method",
            "kernel.runUnmountHook = function(object, process)\n" +
            "  if not object.unmount then error('filesystem cannot be unmounted', 0) end\n  object:unmount(process)\nend"),
        BrokenKernel.Patched("keeps-unloaded-types", "FS-UNREGISTER", "mount remembers every type it ever saw",
            "local seen = {}\nkernel.findFilesystem = function(t)\n  if kernel.filesystems[t] then seen[t] = kernel.filesystems[t] end\n  return seen[t]\nend"),
        BrokenKernel.Patched("vague-unknown-type", "PX-FS-NO-SUCH-FILESYSTEM", "an unknown type gives another message",
            "local find = kernel.findFilesystem\nkernel.findFilesystem = function(t) return find(t) or error('Unknown filesystem type', 0) end"),
        BrokenKernel.Patched("replaces-existing-mounts", "PX-FS-MOUNT-EXISTS", "mounting over a mount silently replaces it",
            "local mount = kernel.syscalls.mount\nkernel.syscalls.mount = function(process, thread, t, src, dest, options)\n" +
            "  local key = kernel.realPath(process, dest)\n  if not (options and options.overlay) then kernel.mounts[key] = nil end\n" +
            "  return mount(process, thread, t, src, dest, options)\nend"),
        BrokenKernel.Patched("overlay-top-wins", "PX-FS-OVERLAY", "the newest overlay layer serves every path",
            "kernel.pickLayer = function(process, stack) return stack[#stack] end"),
        BrokenKernel.Patched("relative-mountlist-paths", "PX-FS-MOUNTLIST-SHAPE", "mountlist paths have no leading slash",
            "local mountlist = kernel.syscalls.mountlist\nkernel.syscalls.mountlist = function(...)\n  local list = mountlist(...)\n" +
            "  for _, entry in ipairs(list) do entry.path = entry.path:sub(2) end\n  return list\nend"),
        BrokenKernel.Patched("no-mountpoint", "PX-FS-STAT-MOUNTPOINT", "stat results lack mountpoint",
            "local stat = kernel.syscalls.stat\nkernel.syscalls.stat = function(...)\n  local result, err = stat(...)\n" +
            "  if type(result) == 'table' then result.mountpoint = nil end\n  return result, err\nend"),
        BrokenKernel.Patched("rename-across-mounts", "PX-FS-RENAME-ACROSS", "rename across mounts is handed to the source mount",
            "kernel.syscalls.rename = function(process, thread, from, to)\n" +
            "  local object, relativeFrom = kernel.resolve(process, from)\n  local _, relativeTo = kernel.resolve(process, to)\n" +
            "  kernel.callMount(object, 'rename', process, relativeFrom, relativeTo)\nend"),
        BrokenKernel.Patched("unprobed-link", "PX-FS-LINK-FIFO-PROBED", "link and mkfifo call the method without checking it exists",
            "for _, name in ipairs({ 'link', 'mkfifo' }) do\n" +
            "  kernel.syscalls[name] = function(process, thread, path, ...)\n    local object, relative = kernel.resolve(process, path)\n" +
            "    return object[name](object, process, relative, ...)\n  end\nend"),
        BrokenKernel.Patched("any-open-mode", "PX-FS-OPEN-MODE", "open passes any mode string to the mount",
            "kernel.syscalls.open = function(process, thread, path, mode)\n  local object, relative = kernel.resolve(process, path)\n" +
            "  return kernel.callMount(object, 'open', process, relative, mode)\nend"),
        BrokenKernel.Patched("root-only-mount", "PX-FS-NONROOT-MOUNT", "only root may mount",
            "local mount = kernel.syscalls.mount\nkernel.syscalls.mount = function(process, ...)\n" +
            "  if process.user ~= 'root' then error('Permission denied', 0) end\n  return mount(process, ...)\nend"),
    ];
}
