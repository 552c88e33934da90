using Phoenix.ReferenceKernel;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the MOD clauses of the page: at least one per clause.</summary>
internal static class ModDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        new("no-autoload", "MOD-AUTOLOAD", "boot loads nothing from /lib/modules",
            new KernelOptions { ModulePolicy = new Policies.NoBootModules() }),
        new("loads-subdirectories", "MOD-SUBDIR", "boot also loads modules in subdirectories of /lib/modules",
            new KernelOptions { ModulePolicy = new Policies.RecursiveBootScan() }),
        new("skips-owner-check", "MOD-OWNER", "loads modules whatever their owner",
            new KernelOptions { ModulePolicy = new Policies.IgnoresOwner() }),
        new("owner-prefix-match", "MOD-OWNER", "trusts owners whose name merely starts with \"root\"",
            new KernelOptions { ModulePolicy = new Policies.OwnerPrefixMatch() }),
        new("skips-world-write-check", "MOD-WORLD-WRITABLE", "loads world-writable modules",
            new KernelOptions { ModulePolicy = new Policies.IgnoresWorldWrite() }),
        new("world-write-hidden-by-user-entry", "MOD-WORLD-WRITABLE", "ignores world write when another user has an entry",
            new KernelOptions { ModulePolicy = new Policies.ChecksEffectiveWriteOfOthers() }),
        BrokenKernel.Patched("refuses-subdirectory-modules", "MOD-SUBDIR", "loadmodule refuses files below subdirectories of /lib/modules",
            "local loadmodule = kernel.syscalls.loadmodule\n" +
            "kernel.syscalls.loadmodule = function(process, thread, path, ...)\n" +
            "  if type(path) == 'string' and path:find('^/lib/modules/[^/]+/') then error('Modules must sit in /lib/modules', 0) end\n" +
            "  return loadmodule(process, thread, path, ...)\nend"),
        BrokenKernel.Patched("root-only-callmodule", "MOD-API", "callmodule refuses callers other than root",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(process, ...)\n" +
            "  if process.user ~= 'root' then error('Permission denied', 0) end\n  return callmodule(process, ...)\nend"),
        BrokenKernel.Patched("api-not-stored", "MOD-API", "stores true instead of the table a module returns",
            "kernel.storeModule = function(name) kernel.modules[name] = true end"),
        BrokenKernel.Patched("drops-results", "MOD-API", "callmodule returns nothing",
            "local invoke = kernel.invokeApi\nkernel.invokeApi = function(...) invoke(...) end"),
        BrokenKernel.Patched("drops-thread-argument", "MOD-CALL-ARGS", "API functions get (process, args...) without the thread",
            "kernel.invokeApi = function(module, func, process, thread, ...) return module[func](process, ...) end"),
        BrokenKernel.Patched("swaps-process-and-thread", "MOD-CALL-ARGS", "API functions get (thread, process, args...)",
            "kernel.invokeApi = function(module, func, process, thread, ...) return module[func](thread, process, ...) end"),
        BrokenKernel.Patched("kernel-process-for-callers", "MOD-CALL-ARGS", "API functions get the KERNEL process, not the caller's",
            "kernel.invokeApi = function(module, func, process, thread, ...) return module[func](kernel.KERNEL, thread, ...) end"),
        BrokenKernel.Patched("truncates-at-nil", "MOD-CALL-ARGS", "extra arguments are cut at the first nil",
            "kernel.invokeApi = function(module, func, process, thread, ...)\n" +
            "  local args = {...}\n  return module[func](process, thread, table.unpack(args, 1, #args))\nend"),
        BrokenKernel.Patched("loses-integer-subtype", "MOD-CALL-ARGS", "integer arguments arrive as floats",
            "kernel.invokeApi = function(module, func, process, thread, ...)\n" +
            "  local args = table.pack(...)\n" +
            "  for i = 1, args.n do if math.type(args[i]) == 'integer' then args[i] = args[i] + 0.0 end end\n" +
            "  return module[func](process, thread, table.unpack(args, 1, args.n))\nend"),
        BrokenKernel.Patched("merged-api-namespace", "MOD-CALL-SCOPE", "callmodule looks for the function in every module",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(process, thread, name, func, ...)\n" +
            "  for other, module in pairs(kernel.modules) do\n" +
            "    if type(module) == 'table' and type(module[func]) == 'function' and (type(kernel.modules[name]) ~= 'table' or kernel.modules[name][func] == nil) then\n" +
            "      return module[func](process, thread, ...)\n    end\n  end\n" +
            "  return callmodule(process, thread, name, func, ...)\nend"),
        BrokenKernel.Patched("last-module-wins", "MOD-CALL-SCOPE", "callmodule calls the function of the last loaded module with that name",
            "local last = {}\nlocal store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result)\n  store(name, result)\n" +
            "  if type(result) == 'table' then for k, v in pairs(result) do last[k] = v end end\nend\n" +
            "kernel.invokeApi = function(module, func, process, thread, ...) return (last[func] or module[func])(process, thread, ...) end"),
        BrokenKernel.Patched("ignores-unload", "MOD-UNLOAD", "unloadmodule never calls unload",
            "kernel.runUnload = function() end"),
        BrokenKernel.Patched("keeps-unloaded-module", "MOD-UNLOAD", "unloadmodule calls unload but leaves the module loaded",
            "local unloadmodule = kernel.syscalls.unloadmodule\n" +
            "kernel.syscalls.unloadmodule = function(process, thread, name)\n" +
            "  local module = kernel.modules[name]\n  unloadmodule(process, thread, name)\n  kernel.modules[name] = module\nend"),
        BrokenKernel.Patched("requires-unload", "MOD-UNLOAD-OPTIONAL", "unloadmodule fails for a module without unload",
            "kernel.runUnload = function(module, process, thread)\n" +
            "  if type(module) ~= 'table' or not module.unload then error('Module has no unload function', 0) end\n" +
            "  module.unload(process, thread)\nend"),
        BrokenKernel.Patched("refuses-empty-modules", "MOD-UNLOAD-OPTIONAL", "loadmodule fails for a module that returns nothing",
            "local store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result)\n  if result == nil then error('Module returned no API', 0) end\n  store(name, result)\nend"),
        BrokenKernel.Patched("caches-syscall-entries", "MOD-SYSCALL-TABLE", "dispatch keeps using a syscall entry after it was removed",
            "local cache = {}\nlocal dispatch = kernel.dispatch\n" +
            "kernel.dispatch = function(process, thread, name, ...)\n" +
            "  for key, entry in pairs(kernel.syscalls) do cache[key] = entry end\n" +
            "  if kernel.syscalls[name] == nil and cache[name] ~= nil then return true, cache[name](process, thread, ...) end\n" +
            "  return dispatch(process, thread, name, ...)\nend"),
        BrokenKernel.Patched("syscall-table-snapshot", "MOD-SYSCALL-TABLE", "dispatch uses a copy of the syscall table taken before modules load",
            "local frozen = {}\nfor k, v in pairs(kernel.syscalls) do frozen[k] = v end\n" +
            "local dispatch = kernel.dispatch\n" +
            "kernel.dispatch = function(process, thread, name, ...)\n" +
            "  if frozen[name] == nil then return false, 'No such syscall' end\n  return dispatch(process, thread, name, ...)\nend"),
    ];
}
