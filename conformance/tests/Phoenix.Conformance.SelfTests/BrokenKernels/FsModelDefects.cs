namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>
/// Broken filesystem kernels of the kinds an outside review found the suite letting through, each written
/// as a kernel author could get it wrong: names compared in another case, ".." resolved after the mount is chosen,
/// nil holes lost where mount methods are called, the root replaced by a mount, an unmount that only says it
/// happened, a mountlist kept apart from the mount table, a cached built-in preferred to a module's class. Each is
/// caught by the rules of the clause it breaks.
/// </summary>
internal static class FsModelDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("case-insensitive-mount-points", "FS-RELATIVE-PATH", "mount points are matched ignoring case, as on a case-insensitive host",
            "kernel.resolve = function(process, path)\n" +
            "  local parts = {}\n  for part in kernel.realPath(process, path):gmatch('[^/]+') do parts[#parts + 1] = part end\n" +
            "  for depth = #parts, 0, -1 do\n    local wanted = table.concat(parts, '/', 1, depth):lower()\n" +
            "    for key, stack in pairs(kernel.mounts) do\n      if key:lower() == wanted and #stack > 0 then\n" +
            "        local relative = table.concat(parts, '/', depth + 1, #parts)\n" +
            "        return kernel.pickLayer(process, stack, relative), relative, key\n      end\n    end\n  end\n" +
            "  error('Could not find mount for path ' .. path, 0)\nend"),
        BrokenKernel.Patched("dotdot-after-mount-lookup", "FS-RELATIVE-PATH", "the mount is picked from the path as written; '..' is resolved in the relative part only",
            "local resolve = kernel.resolve\nkernel.resolve = function(process, path)\n" +
            "  local raw = {}\n  for part in path:gmatch('[^/]+') do if part ~= '.' then raw[#raw + 1] = part end end\n" +
            "  for depth = #raw, 1, -1 do\n    local stack = kernel.mounts[table.concat(raw, '/', 1, depth)]\n" +
            "    if stack and #stack > 0 then\n      local relative = table.concat(raw, '/', depth + 1, #raw)\n" +
            "      relative = relative == '' and '' or kernel.realPath({ root = '/', dir = '/' }, relative)\n" +
            "      return kernel.pickLayer(process, stack, relative), relative, table.concat(raw, '/', 1, depth)\n    end\n  end\n" +
            "  return resolve(process, path)\nend"),
        BrokenKernel.Patched("type-names-ignore-case", "FS-REGISTER", "filesystem types are looked up ignoring case",
            "kernel.findFilesystem = function(wanted)\n" +
            "  for name, class in pairs(kernel.filesystems) do if name:lower() == wanted:lower() then return class end end\nend"),
        BrokenKernel.Patched("mount-args-copied-with-ipairs", "FS-METHOD-ARGS", "mount methods get their arguments copied with ipairs, which stops at a nil (chmod's nil user)",
            "kernel.callMount = function(object, method, process, ...)\n" +
            "  local args = {}\n  for _, value in ipairs({ ... }) do args[#args + 1] = value end\n" +
            "  return object[method](object, process, table.unpack(args))\nend"),
        BrokenKernel.Patched("unmount-by-users-ignored", "FS-UNMOUNT-HOOK", "unmount by an ordinary user returns as if done but leaves the mount",
            "local unmount = kernel.syscalls.unmount\nkernel.syscalls.unmount = function(process, thread, path)\n" +
            "  if process.user ~= 'root' then return end\n  return unmount(process, thread, path)\nend"),
        BrokenKernel.Patched("mountlist-kept-apart", "PX-FS-MOUNTLIST-SHAPE", "mountlist reads a list that mount appends to and unmount never updates",
            "local order = { { key = '', object = kernel.mounts[''][1] } }\n" +
            "local mount = kernel.syscalls.mount\nkernel.syscalls.mount = function(process, thread, fstype, src, dest, options)\n" +
            "  mount(process, thread, fstype, src, dest, options)\n  local key = kernel.realPath(process, dest)\n" +
            "  order[#order + 1] = { key = key, object = kernel.mounts[key][#kernel.mounts[key]] }\nend\n" +
            "kernel.syscalls.mountlist = function()\n  local list = {}\n" +
            "  for _, m in ipairs(order) do\n    local t, s, o = m.object:info()\n" +
            "    list[#list + 1] = { path = '/' .. m.key, type = t, source = s, options = o }\n  end\n  return list\nend"),
        BrokenKernel.Patched("root-mount-replaces-root", "PX-FS-MOUNT-ERRORS", "mount on / by root replaces the root filesystem instead of refusing",
            "local mount = kernel.syscalls.mount\nkernel.syscalls.mount = function(process, thread, fstype, src, dest, options)\n" +
            "  if type(dest) == 'string' and kernel.realPath(process, dest) == '' and process.user == 'root' and kernel.findFilesystem(fstype) then\n" +
            "    kernel.mounts[''] = { kernel.newMount(kernel.findFilesystem(fstype), process, src, options or {}) }\n    return\n  end\n" +
            "  return mount(process, thread, fstype, src, dest, options)\nend"),
        BrokenKernel.Patched("unmount-of-nothing-succeeds", "PX-FS-MOUNT-ERRORS", "unmount where nothing is mounted returns quietly",
            "local unmount = kernel.syscalls.unmount\nkernel.syscalls.unmount = function(process, thread, path)\n" +
            "  if type(path) == 'string' and not kernel.mounts[kernel.realPath(process, path)] then return end\n" +
            "  return unmount(process, thread, path)\nend"),
        BrokenKernel.Patched("new-options-copied-shallow", "FS-NEW", "new gets a shallow copy of the options, with nested tables flattened to their string form",
            "local newMount = kernel.newMount\nkernel.newMount = function(class, process, src, options)\n" +
            "  local copy = {}\n  for k, v in pairs(options) do copy[k] = type(v) == 'table' and tostring(v) or v end\n" +
            "  return newMount(class, process, src, copy)\nend"),
        BrokenKernel.Patched("built-ins-before-modules", "FS-NEW", "mount looks up its own built-in types first, so a module cannot store a class under a built-in name",
            "local builtin = { tmpfs = kernel.filesystems.tmpfs }\nlocal find = kernel.findFilesystem\n" +
            "kernel.findFilesystem = function(t) return builtin[t] or find(t) end"),
        BrokenKernel.Patched("mountlist-own-mounts-only", "FS-INFO", "mountlist shows an ordinary user only the mounts that user made",
            "local owners = setmetatable({}, { __mode = 'k' })\nlocal newMount = kernel.newMount\n" +
            "kernel.newMount = function(class, process, ...)\n  local object = newMount(class, process, ...)\n" +
            "  if type(object) == 'table' then owners[object] = process.user end\n  return object\nend\n" +
            "kernel.syscalls.mountlist = function(process)\n  local list = {}\n" +
            "  for key, stack in pairs(kernel.mounts) do for _, object in ipairs(stack) do\n" +
            "    if process.user == 'root' or owners[object] == nil or owners[object] == process.user then\n" +
            "      local t, s, o = object:info()\n      list[#list + 1] = { path = '/' .. key, type = t, source = s, options = o }\n    end\n" +
            "  end end\n  return list\nend"),
        BrokenKernel.Patched("unmount-skips-permission", "PX-FS-MOUNT-ERRORS", "unmount asks nobody for permission: any user unmounts any mount",
            "kernel.syscalls.unmount = function(process, thread, path)\n  kernel.expect(1, path, 'string')\n" +
            "  local key = kernel.realPath(process, path)\n  local stack = kernel.mounts[key]\n" +
            "  if not stack then error(key .. ': No such mount', 0) end\n" +
            "  kernel.runUnmountHook(stack[#stack], process)\n  stack[#stack] = nil\n  if #stack == 0 then kernel.mounts[key] = nil end\nend"),
        BrokenKernel.Patched("type-errors-count-process-and-thread", "PX-FS-TYPE-ERRORS", "argument numbers in type errors count the process and thread the kernel adds",
            "local expect = kernel.expect\nkernel.expect = function(index, ...) return expect(index + 2, ...) end"),
        BrokenKernel.Patched("chmod-accepts-any-mode-string", "PX-FS-TYPE-ERRORS", "chmod type-checks the mode but passes any string to the mount",
            "kernel.syscalls.chmod = function(process, thread, path, user, mode)\n" +
            "  kernel.expect(1, path, 'string')\n  kernel.expect(2, user, 'string', 'nil')\n  kernel.expect(3, mode, 'number', 'string', 'table')\n" +
            "  local object, relative = kernel.resolve(process, path)\n  kernel.callMount(object, 'chmod', process, relative, user, mode)\nend"),
        BrokenKernel.Patched("link-to-itself-passed-on", "PX-FS-LINK-SELF", "link hands a link to itself to the mount, leaving the check to the filesystem",
            "kernel.syscalls.link = function(process, thread, path, location)\n" +
            "  kernel.expect(1, path, 'string')\n  kernel.expect(2, location, 'string')\n" +
            "  local object, relative = kernel.resolve(process, path)\n" +
            "  if not object.link then error('Filesystem does not support links', 0) end\n" +
            "  kernel.callMount(object, 'link', process, relative, location)\nend"),
        BrokenKernel.Patched("link-location-made-relative", "PX-FS-LINK-SELF", "link resolves the location like the path and hands the mount its relative form",
            "local link = kernel.syscalls.link\nkernel.syscalls.link = function(process, thread, path, location)\n" +
            "  if type(location) == 'string' then\n    local ok, _, relative = pcall(kernel.resolve, process, location)\n" +
            "    if ok then location = relative end\n  end\n  return link(process, thread, path, location)\nend"),
    ];
}
