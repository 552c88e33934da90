using Phoenix.ReferenceKernel;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the COMPAT (PX-MOD-…) clauses: each departs from Phoenix 0.0.9 in one detail.</summary>
internal static class CompatDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        new("reverse-boot-order", "PX-MOD-BOOT-ORDER", "boot loads modules in reverse sorted order",
            new KernelOptions { ModulePolicy = new Policies.ReverseBootOrder() }),
        new("lua-extension-only", "PX-MOD-NO-EXTENSION-FILTER", "boot loads only *.lua files",
            new KernelOptions { ModulePolicy = new Policies.LuaExtensionOnly() }),
        BrokenKernel.Patched("silent-module-errors", "PX-MOD-FAILED-MODULE-LOGGED", "a module that throws is not logged",
            "kernel.reportModuleError = function() end"),
        BrokenKernel.Patched("anyone-loads-modules", "PX-MOD-LOAD-ROOT-ONLY", "loadmodule and unloadmodule run as KERNEL for any caller",
            "for _, name in ipairs({'loadmodule', 'unloadmodule'}) do\n" +
            "  local original = kernel.syscalls[name]\n" +
            "  kernel.syscalls[name] = function(process, thread, ...) return original(kernel.KERNEL, thread, ...) end\nend"),
        BrokenKernel.Patched("vague-refusal", "PX-MOD-INSECURE-MESSAGE", "an untrusted module is refused with another message",
            "local loadmodule = kernel.syscalls.loadmodule\n" +
            "kernel.syscalls.loadmodule = function(...)\n  local ok, err = pcall(loadmodule, ...)\n" +
            "  if not ok then error('Refused', 0) end\nend"),
        new("name-without-last-extension", "PX-MOD-NAME-DERIVATION", "names a module by its file name minus the last extension",
            new KernelOptions { ModulePolicy = new Policies.NameWithoutLastExtension() }),
        BrokenKernel.Patched("chunk-without-path", "PX-MOD-CHUNK-ARGUMENT", "module chunks are called with no argument",
            "kernel.startModule = function(chunk) return pcall(chunk) end"),
        BrokenKernel.Patched("drops-empty-modules", "PX-MOD-RESULT-OR-TRUE", "a module returning nothing is not recorded",
            "kernel.storeModule = function(name, result) kernel.modules[name] = result end"),
        BrokenKernel.Patched("refuses-duplicate-names", "PX-MOD-DUPLICATE-NAME-OVERWRITES", "a second module with a taken name is refused",
            "local store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result)\n  if kernel.modules[name] ~= nil then error('Module exists', 0) end\n  store(name, result)\nend"),
        BrokenKernel.Patched("root-only-listmodules", "PX-MOD-LISTMODULES", "listmodules refuses non-root callers",
            "local listmodules = kernel.syscalls.listmodules\n" +
            "kernel.syscalls.listmodules = function(process, ...)\n  if process.user ~= 'root' then error('Permission denied', 0) end\n" +
            "  return listmodules(process, ...)\nend"),
        BrokenKernel.Patched("unload-as-method", "PX-MOD-UNLOAD-ARGS", "unload is called as a method, unload(self, process)",
            "kernel.runUnload = function(module, process, thread)\n" +
            "  if type(module) == 'table' and module.unload then module:unload(process, thread) end\nend"),
        BrokenKernel.Patched("strict-unloadmodule", "PX-MOD-UNLOAD-UNKNOWN", "unloadmodule of an unknown name fails",
            "local unloadmodule = kernel.syscalls.unloadmodule\n" +
            "kernel.syscalls.unloadmodule = function(process, thread, name)\n" +
            "  if kernel.modules[name] == nil then error('No such module', 0) end\n  return unloadmodule(process, thread, name)\nend"),
        BrokenKernel.Patched("generic-callmodule-errors", "PX-MOD-CALLMODULE-ERRORS", "callmodule errors read 'Invalid call'",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(...)\n  local r = table.pack(pcall(callmodule, ...))\n" +
            "  if not r[1] then error('Invalid call', 0) end\n  return table.unpack(r, 2, r.n)\nend"),
        BrokenKernel.Patched("no-argument-checks", "PX-MOD-ARG-CHECKS", "module syscalls do not type-check their arguments",
            "kernel.expect = function(index, value) return value end"),
    ];
}
