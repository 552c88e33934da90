namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-MOD-LISTMODULES, PX-MOD-API-ERRORS, PX-MOD-KERNEL-GLOBALS and
/// PX-MOD-LOAD-ROOT-ONLY / PX-MOD-FAILED-MODULE-LOGGED: views that disagree
/// with the module table, error values flattened to text, process globals out of step.</summary>
internal static class CompatModelDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("listmodules-never-forgets", "PX-MOD-LISTMODULES", "listmodules lists every module ever loaded, unloaded ones included",
            "local names, listed = {}, {}\nlocal store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result)\n  store(name, result)\n" +
            "  if not listed[name] then listed[name] = true names[#names + 1] = name end\nend\n" +
            "kernel.syscalls.listmodules = function() return table.move(names, 1, #names, 1, {}) end"),
        BrokenKernel.Patched("listmodules-counts-attempts", "PX-MOD-LISTMODULES", "a module's name is registered before its chunk runs and kept when the chunk throws",
            "local names = {}\nlocal prepare, unloadmodule = host.prepareModule, kernel.syscalls.unloadmodule\n" +
            "host.prepareModule = function(user, path)\n  local name, source = prepare(user, path)\n" +
            "  if name ~= nil then names[name] = true end\n  return name, source\nend\n" +
            "kernel.syscalls.unloadmodule = function(process, thread, name)\n  unloadmodule(process, thread, name)\n  names[name] = nil\nend\n" +
            "kernel.syscalls.listmodules = function()\n  local list = {}\n" +
            "  for name in pairs(kernel.modules) do names[name] = true end\n" +
            "  for name in pairs(names) do list[#list + 1] = name end\n  return list\nend"),
        BrokenKernel.Patched("errors-as-text", "PX-MOD-API-ERRORS", "every syscall error is turned into text",
            "local dispatch = kernel.dispatch\n" +
            "kernel.dispatch = function(...)\n  local r = table.pack(dispatch(...))\n" +
            "  if not r[1] then return false, (tostring(r[2]):gsub('kernel:%d+: ', '')) end\n" +
            "  return table.unpack(r, 1, r.n)\nend"),
        // From a surviving mutant of kernel.lua's finish: the type test inverted.
        BrokenKernel.Patched("error-cleanup-type-inverted", "PX-MOD-API-ERRORS", "the 'kernel:N: ' cleanup runs on non-string errors instead of strings",
            "local dispatch = kernel.dispatch\n" +
            "kernel.dispatch = function(...)\n  local r = table.pack(dispatch(...))\n" +
            "  if not r[1] and type(r[2]) ~= 'string' then r[2] = string.gsub(r[2], 'kernel:%d+: ', '') end\n" +
            "  return table.unpack(r, 1, r.n)\nend"),
        // From surviving mutants of kernel.lua's newProcess and KERNEL.
        BrokenKernel.Patched("processes-not-indexed", "PX-MOD-KERNEL-GLOBALS", "new processes are not entered in the processes table",
            "local newProcess = kernel.newProcess\n" +
            "kernel.newProcess = function(...)\n  local process, thread = newProcess(...)\n  kernel.processes[process.id] = nil\n  return process, thread\nend"),
        BrokenKernel.Patched("kernel-process-renamed", "PX-MOD-KERNEL-GLOBALS", "KERNEL is named \"init\"",
            "kernel.KERNEL.name = 'init'"),
        // From surviving mutants of kmod.lua (requireRoot case-folded; reportModuleError's arguments swapped).
        BrokenKernel.Patched("root-by-any-case", "PX-MOD-LOAD-ROOT-ONLY", "loadmodule and unloadmodule take any user named root in some case as root",
            "for _, name in ipairs({'loadmodule', 'unloadmodule'}) do\n" +
            "  local original = kernel.syscalls[name]\n" +
            "  kernel.syscalls[name] = function(process, thread, ...)\n" +
            "    if type(process.user) == 'string' and process.user:lower() == 'root' then return original(kernel.KERNEL, thread, ...) end\n" +
            "    return original(process, thread, ...)\n  end\nend"),
        BrokenKernel.Patched("module-error-logged-backwards", "PX-MOD-FAILED-MODULE-LOGGED", "a throwing module is logged with its error where its name belongs",
            "local report = kernel.reportModuleError\nkernel.reportModuleError = function(name, err) report(tostring(err), name) end"),
        // From surviving mutants of kernel.lua's syslog (a level number off by one, arguments swapped, a nil test flipped).
        BrokenKernel.Patched("syslog-warning-as-error", "PX-MOD-SYSLOG", "syslog level \"warning\" logs at error level",
            "local log = kernel.syslog.log\n" +
            "kernel.syslog.log = function(options, ...)\n" +
            "  if type(options) == 'table' and options.level == 'warning' then options.level = 4 end\n  return log(options, ...)\nend"),
        BrokenKernel.Patched("syslog-first-part-last", "PX-MOD-SYSLOG", "without an options table, the first argument ends up last in the message",
            "local log = kernel.syslog.log\n" +
            "kernel.syslog.log = function(options, ...)\n" +
            "  if type(options) ~= 'table' then return log({}, ..., options) end\n  return log(options, ...)\nend"),
    ];
}
