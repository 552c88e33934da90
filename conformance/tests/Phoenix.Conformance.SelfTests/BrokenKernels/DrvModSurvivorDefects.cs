namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the DRV and MOD mutants of issue 11 that survived every rule until the rules of
/// PX-DRV-SYSCALL-ERRORS, PX-DRV-LOOKUP, PX-DRV-BUILTIN-DRIVERS, PX-MOD-LOAD-COMPILE-ERROR,
/// PX-MOD-CALLMODULE-TABLES and the extended PX-DRV-VALIDATED-AT-BIND, PX-DRV-DEVINFO-SHAPE, PX-MOD-KERNEL-GLOBALS,
/// PX-MOD-SYSLOG and PX-MOD-CALLMODULE-ERRORS: each is the defect a kernel author could make that the mutant
/// stands for, so the rule that kills the mutant is shown to catch the defect.</summary>
internal static class DrvModSurvivorDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        // devices.lua:436 (the unknown-device check dropped).
        BrokenKernel.Patched("devproperties-unknown-empty", "PX-DRV-SYSCALL-ERRORS", "devproperties of an unknown device answers an empty list",
            "kernel.syscalls.devproperties = function(process, thread, device)\n  kernel.expect(1, device, 'string')\n" +
            "  local node = kernel.lookup(device)[1]\n  if node == nil then return {} end\n  return kernel.deviceProperties(node)\nend"),
        // devices.lua:450 (devfind's type checked as argument #2).
        BrokenKernel.Patched("devfind-numbered-two", "PX-DRV-SYSCALL-ERRORS", "devfind reports a type of the wrong type as bad argument #2",
            "local devfind = kernel.syscalls.devfind\nkernel.syscalls.devfind = function(process, thread, wanted, ...)\n" +
            "  kernel.expect(2, wanted, 'string')\n  return devfind(process, thread, wanted, ...)\nend"),
        // devices.lua:88 (a UUID found nothing).
        BrokenKernel.Patched("no-uuid-lookup", "PX-DRV-LOOKUP", "a UUID is searched for as a node id, so it names no device",
            "local lookup = kernel.lookup\nkernel.lookup = function(spec)\n" +
            "  if spec:find('^%x%x%x%x%x%x%x%x%-') then return {} end\n  return lookup(spec)\nend"),
        // devices.lua:280 (the root driver's name emptied).
        BrokenKernel.Patched("root-driver-renamed", "PX-DRV-BUILTIN-DRIVERS", "the root node's driver is called \"computer\"",
            "kernel.rootDriver.name = 'computer'"),
        // devices.lua:283 (getLabel answered nil).
        BrokenKernel.Patched("label-not-kept", "PX-DRV-BUILTIN-DRIVERS", "setLabel is accepted but getLabel always answers \"\"",
            "kernel.rootDriver.methods.getLabel = function() return '' end"),
        // devices.lua:285 (the label's types named in the other order).
        BrokenKernel.Patched("set-label-types-reversed", "PX-DRV-BUILTIN-DRIVERS", "setLabel's type error reads \"expected nil or string\"",
            "local set = kernel.rootDriver.methods.setLabel\nkernel.rootDriver.methods.setLabel = function(node, process, label)\n" +
            "  kernel.expect(1, label, 'nil', 'string')\n  return set(node, process, label)\nend"),
        // devices.lua:403 (the root's parent emptied).
        BrokenKernel.Patched("root-parent-empty", "PX-DRV-DEVINFO-SHAPE", "devinfo of the root gives parent \"\"",
            "local info = kernel.deviceInfo\nkernel.deviceInfo = function(node)\n  local result = info(node)\n" +
            "  if node.parent == nil then result.parent = '' end\n  return result\nend"),
        // devices.lua:56 (env.deviceTreeRoot not set).
        BrokenKernel.Patched("no-tree-global", "PX-DRV-TREE-GLOBAL", "modules have no deviceTreeRoot global",
            "env.deviceTreeRoot = nil"),
        // devices.lua:367 (a table met again in the metadata copied as nil).
        BrokenKernel.Patched("metadata-shared-lost", "PX-DRV-DEVINFO-SHAPE", "devinfo's metadata copy drops a table the second time it meets it",
            "local function copy(value, seen)\n  if type(value) ~= 'table' then return value end\n  if seen[value] then return nil end\n" +
            "  seen[value] = true\n  local c = {}\n  for k, v in pairs(value) do c[copy(k, seen)] = copy(v, seen) end\n  return c\nend\n" +
            "local info = kernel.deviceInfo\nkernel.deviceInfo = function(node)\n  local result = info(node)\n" +
            "  result.metadata = copy(node.metadata, {})\n  return result\nend"),
        // devices.lua:148 (a method value's check dropped).
        BrokenKernel.Patched("method-values-unchecked", "PX-DRV-VALIDATED-AT-BIND", "binding checks method names but not that each method is a function",
            "local validate = kernel.validateDriver\nkernel.validateDriver = function(driver)\n  local methods = driver.methods\n" +
            "  if type(methods) ~= 'table' then return validate(driver) end\n  local kept = {}\n" +
            "  for k, v in pairs(methods) do if type(k) ~= 'string' or type(v) == 'function' then kept[k] = v end end\n" +
            "  driver.methods = kept\n  local ok, err = pcall(validate, driver)\n  driver.methods = methods\n  if not ok then error(err, 0) end\nend"),
        // devices.lua:127 (types[0], nil, compared too).
        BrokenKernel.Patched("typeless-driver-binds", "PX-DRV-VALIDATED-AT-BIND", "a driver without a type binds to every device, and its validation stops the kernel",
            "local matches = kernel.driverMatches\nkernel.driverMatches = function(driver, types)\n" +
            "  if driver.type == nil then return true end\n  return matches(driver, types)\nend"),
        // kernel.lua:66 (KERNEL.dir emptied).
        BrokenKernel.Patched("kernel-dir-empty", "PX-MOD-KERNEL-GLOBALS", "KERNEL's working directory is \"\"",
            "kernel.KERNEL.dir = ''"),
        // kernel.lua:90 (the main thread's name emptied).
        BrokenKernel.Patched("main-thread-unnamed", "PX-MOD-KERNEL-GLOBALS", "a process's main thread is named \"<thread:0>\"",
            "local new = kernel.newProcess\nkernel.newProcess = function(...)\n  local process, thread = new(...)\n" +
            "  thread.name = '<thread:0>'\n  return process, thread\nend"),
        // kernel.lua:33 (info's number changed).
        BrokenKernel.Patched("syslog-info-as-notice", "PX-MOD-SYSLOG", "syslog.log's level \"info\" logs at notice level",
            "local log = kernel.syslog.log\nkernel.syslog.log = function(options, ...)\n" +
            "  if type(options) == 'table' and options.level == 'info' then options.level = 2 end\n  return log(options, ...)\nend"),
        // kmod.lua:46 (the compile error's log dropped).
        BrokenKernel.Patched("compile-error-silent", "PX-MOD-LOAD-COMPILE-ERROR", "loadmodule of a file that does not compile logs nothing",
            "local loadmodule, syslog = kernel.syscalls.loadmodule, kernel.syslog\n" +
            "kernel.syscalls.loadmodule = function(...)\n  local log = syslog.log\n" +
            "  syslog.log = function(options, first, ...)\n    if type(first) == 'string' and first:find('^Could not load ') then return end\n" +
            "    return log(options, first, ...)\n  end\n  local r = table.pack(pcall(loadmodule, ...))\n  syslog.log = log\n" +
            "  if not r[1] then error(r[2], 0) end\n  return table.unpack(r, 2, r.n)\nend"),
        // kmod.lua:71 ("unload" compared in any case).
        BrokenKernel.Patched("unload-any-case", "PX-MOD-CALLMODULE-ERRORS", "callmodule refuses \"Unload\" and \"UNLOAD\" as it refuses \"unload\"",
            "local callmodule = kernel.syscalls.callmodule\nkernel.syscalls.callmodule = function(process, thread, name, func, ...)\n" +
            "  if type(name) == 'string' and type(func) == 'string' and func:lower() == 'unload' then\n" +
            "    error(string.format(\"Module '%s' does not have a method '%s'\", name, func), 0)\n  end\n" +
            "  return callmodule(process, thread, name, func, ...)\nend"),
        // usermode.lua:74 (a table met twice not found again).
        BrokenKernel.Patched("table-arguments-copied", "PX-MOD-CALLMODULE-TABLES", "every table argument of a syscall reaches kernel code as a shallow copy",
            "local fromUser = kernel.fromUser\nkernel.fromUser = function(...)\n  local values = table.pack(fromUser(...))\n" +
            "  for i = 1, values.n do\n    if type(values[i]) == 'table' then\n      local copy = {}\n" +
            "      for k, v in next, values[i] do copy[k] = v end\n      values[i] = copy\n    end\n  end\n" +
            "  return table.unpack(values, 1, values.n)\nend"),
    ];
}
