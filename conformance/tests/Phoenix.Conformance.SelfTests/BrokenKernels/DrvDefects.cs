namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the DRV clauses: each replaces one device part of Scripting/devices.lua.</summary>
internal static class DrvDefects
{
    // Wraps kernel.nodeAdded: the body sees the node and "added", the real part.
    private static BrokenKernel NodeAdded(string name, string breaks, string defect, string body) =>
        BrokenKernel.Patched(name, breaks, defect, "local added = kernel.nodeAdded\nkernel.nodeAdded = function(node)\n" + body + "\nend");

    // Runs kernel parts after boot with one of them swapped for a no-op (the body names it).
    private const string AfterBoot = "local booted = false\nlocal populate = kernel.populateDevices\n" +
        "kernel.populateDevices = function(...) populate(...) booted = true end\n";

    // Built-in drivers (root, modem) keep their init, so the tree is still built.
    private const string IsBuiltIn = "local function builtIn(driver) return driver == kernel.rootDriver or driver == kernel.driverList[1] end\n";

    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("requires-deinit", "DRV-SHAPE", "refuses drivers without deinit (the page's mydriver has none)",
            "local validate = kernel.validateDriver\nkernel.validateDriver = function(driver)\n  validate(driver)\n" +
            "  if type(driver.deinit) ~= 'function' then error('driver has no deinit', 0) end\nend"),
        BrokenKernel.Patched("no-registerDriver-global", "DRV-SHAPE", "modules find no registerDriver",
            "env.registerDriver = nil"),
        BrokenKernel.Patched("binds-by-name", "DRV-BIND-TYPE", "matches peripheral types against driver.name instead of driver.type",
            "kernel.driverMatches = function(driver, types)\n  for i = 1, types.n or #types do if types[i] == driver.name then return true end end\n  return false\nend"),
        BrokenKernel.Patched("first-type-only", "DRV-BIND-TYPE", "matches only a peripheral's first type",
            "kernel.driverMatches = function(driver, types) return types[1] == driver.type end"),
        NodeAdded("skips-modem-peripherals", "DRV-BIND-BOOT", "never binds drivers to peripherals behind a wired modem",
            "  if node.parent ~= kernel.root then return end\n  return added(node)"),
        BrokenKernel.Patched("binds-only-at-boot", "DRV-BIND-LATER", "attach events add nodes but bind no driver",
            AfterBoot + "local added = kernel.nodeAdded\nkernel.nodeAdded = function(node) if not booted then return added(node) end end"),
        BrokenKernel.Patched("later-network-peripherals-unbound", "DRV-BIND-LATER", "peripherals attached behind a wired modem after boot get no driver",
            AfterBoot + "local added = kernel.nodeAdded\nkernel.nodeAdded = function(node)\n" +
            "  if booted and node.parent ~= kernel.root then return end\n  return added(node)\nend"),
        BrokenKernel.Patched("never-calls-init", "DRV-INIT", "binding skips the driver's init",
            IsBuiltIn + "local init = kernel.runInit\nkernel.runInit = function(driver, node) if builtIn(driver) then return init(driver, node) end end"),
        BrokenKernel.Patched("init-as-driver-method", "DRV-INIT", "init is called as driver:init(node), so self is the driver",
            IsBuiltIn + "local init = kernel.runInit\nkernel.runInit = function(driver, node)\n" +
            "  if builtIn(driver) then return init(driver, node) end\n  if driver.init then driver:init(node) end\nend"),
        BrokenKernel.Patched("init-twice", "DRV-INIT", "init runs twice per binding",
            IsBuiltIn + "local init = kernel.runInit\nkernel.runInit = function(driver, node)\n" +
            "  if not builtIn(driver) then init(driver, node) end\n  return init(driver, node)\nend"),
        BrokenKernel.Patched("forgets-deinit", "DRV-DEINIT", "unbinding never calls deinit",
            "kernel.runDeinit = function() end"),
        BrokenKernel.Patched("no-deinit-on-detach", "DRV-DEINIT", "a detached peripheral's drivers are dropped without deinit",
            "local event = kernel.deviceEvent\nkernel.deviceEvent = function(name, ...)\n  local deinit = kernel.runDeinit\n" +
            "  if name == 'peripheral_detach' then kernel.runDeinit = function() end end\n" +
            "  local ok, err = pcall(event, name, ...)\n  kernel.runDeinit = deinit\n  if not ok then error(err, 0) end\nend"),
        BrokenKernel.Patched("forgets-process", "DRV-METHOD-ARGS", "methods get (node, arguments...) without the process",
            "kernel.callMethod = function(node, process, method, ...)\n  for _, driver in ipairs(node.drivers) do\n" +
            "    if driver.methods[method] then return driver.methods[method](node, ...) end\n  end\n  error('No such method', 0)\nend"),
        BrokenKernel.Patched("first-result-only", "DRV-METHOD-ARGS", "devcall returns only a method's first result",
            "local call = kernel.callMethod\nkernel.callMethod = function(...) local first = call(...) return first end"),
        BrokenKernel.Patched("drops-trailing-nils", "DRV-METHOD-ARGS", "arguments are repacked into a table, losing trailing nils",
            "local call = kernel.callMethod\nkernel.callMethod = function(node, process, method, ...)\n" +
            "  local args = { ... }\n  return call(node, process, method, table.unpack(args))\nend"),
        BrokenKernel.Patched("properties-are-methods", "DRV-PROPERTIES", "devproperties lists method names",
            "kernel.deviceProperties = function(node)\n  local list = {}\n" +
            "  for _, d in ipairs(node.drivers) do for name in pairs(d.methods) do list[#list + 1] = name end end\n  return list\nend"),
        BrokenKernel.Patched("no-properties", "DRV-PROPERTIES", "devproperties is always empty",
            "kernel.deviceProperties = function() return {} end"),
        BrokenKernel.Patched("call-drops-arguments", "DRV-PERIPHERAL-API", "internalState.peripheral.call passes only name and method",
            "local api = kernel.peripheralApi\nkernel.peripheralApi = function(node)\n  local p = api(node)\n  local call = p.call\n" +
            "  p.call = function(name, method) return call(name, method) end\n  return p\nend"),
        BrokenKernel.Patched("no-getMethods", "DRV-PERIPHERAL-API", "internalState.peripheral has call only",
            "local api = kernel.peripheralApi\nkernel.peripheralApi = function(node) return { call = api(node).call } end"),
        BrokenKernel.Patched("modem-calls-via-peripheral-call", "DRV-MODEM", "routes calls to modem peripherals with peripheral.call, not callRemote",
            "kernel.peripheralApi = function() return { call = kernel.peripheral.call, getMethods = kernel.peripheral.getMethods } end"),
        NodeAdded("modem-peripherals-unbound", "DRV-MODEM", "never binds drivers to peripherals behind a wired modem",
            "  if node.parent ~= kernel.root then return end\n  return added(node)"),
        BrokenKernel.Patched("keeps-binding-after-deregistration", "DRV-DEREGISTER", "deregisterDriver unbinds but leaves the driver in the list (facts §10 B1, B2)",
            "kernel.deregisterDriver = function(driver)\n  kernel.eachNode(function(node) kernel.unbindDriver(node, driver) end)\nend"),
        BrokenKernel.Patched("modems-remember-drivers", "DRV-DEREGISTER", "wired modems keep binding every driver ever registered (facts §10 B4)",
            "local ever = {}\nlocal register = kernel.registerDriver\n" +
            "kernel.registerDriver = function(driver) ever[#ever + 1] = driver return register(driver) end\n" +
            "local added = kernel.nodeAdded\nkernel.nodeAdded = function(node)\n  if node.parent == kernel.root then return added(node) end\n" +
            "  local types = kernel.nodeTypes(node)\n  for _, d in ipairs(ever) do if kernel.driverMatches(d, types) then kernel.tryBind(node, d) end end\nend"),
        BrokenKernel.Patched("no-deinit-on-deregister", "DRV-DEREGISTER", "deregisterDriver drops the driver from nodes without deinit",
            "local deregister = kernel.deregisterDriver\nkernel.deregisterDriver = function(driver)\n  local deinit = kernel.runDeinit\n" +
            "  kernel.runDeinit = function() end\n  local ok, err = pcall(deregister, driver)\n  kernel.runDeinit = deinit\n  if not ok then error(err, 0) end\nend"),
        BrokenKernel.Patched("one-driver-per-type", "DRV-NAME", "registering a driver replaces any driver of the same type",
            "local register = kernel.registerDriver\nkernel.registerDriver = function(driver)\n" +
            "  for i = #kernel.driverList, 1, -1 do if kernel.driverList[i].type == driver.type then table.remove(kernel.driverList, i) end end\n" +
            "  return register(driver)\nend"),
        BrokenKernel.Patched("types-report-type", "DRV-NAME", "devinfo types map each type to itself, not to the driver's name",
            "local info = kernel.deviceInfo\nkernel.deviceInfo = function(node)\n  local result = info(node)\n" +
            "  for t in pairs(result.types) do result.types[t] = t end\n  return result\nend"),
    ];
}
