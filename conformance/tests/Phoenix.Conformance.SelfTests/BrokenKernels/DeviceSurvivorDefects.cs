namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the DRV (and two MOD) mutants of issue 11 that survived every rule until the rules of
/// PX-DRV-SYSCALL-ERRORS, PX-DRV-LOOKUP, PX-DRV-BUILTIN-DRIVERS and the extended PX-DRV-VALIDATED-AT-BIND,
/// PX-DRV-DEVINFO-SHAPE and PX-MOD-KERNEL-GLOBALS: each is the defect a kernel author could make that the mutant
/// stands for, so the rule that kills the mutant is shown to catch the defect.</summary>
internal static class DeviceSurvivorDefects
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
    ];
}
