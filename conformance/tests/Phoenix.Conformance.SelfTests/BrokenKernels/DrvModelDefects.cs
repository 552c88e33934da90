namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>
/// Broken driver kernels of the kinds an outside review found the suite letting through, each written as
/// a kernel author could get it wrong: types compared in another case, call arguments copied so nil holes or trailing
/// nils go at one crossing only (a side peripheral's API, a wired modem's), a driver registered twice listed twice,
/// errors turned into strings on the way back, devfind comparing loosely, a lookup index never cleaned. Each is
/// caught by the rules of the clause it breaks.
/// </summary>
internal static class DrvModelDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("driver-types-ignore-case", "DRV-BIND-TYPE", "a driver binds to a peripheral whose type equals its own ignoring case",
            "kernel.driverMatches = function(driver, types)\n" +
            "  for i = 1, types.n or #types do if type(types[i]) == 'string' and types[i]:lower() == driver.type:lower() then return true end end\n" +
            "  return false\nend"),
        BrokenKernel.Patched("modem-call-args-repacked", "DRV-MODEM", "a networked peripheral's call packs its arguments with {...} and unpacks them with table.unpack, losing trailing nils",
            "local api = kernel.peripheralApi\nkernel.peripheralApi = function(node)\n  local p = api(node)\n" +
            "  if node.parent ~= kernel.root then\n    local modem = node.parent.id\n" +
            "    p.call = function(name, method, ...)\n      local args = { ... }\n" +
            "      return kernel.peripheral.call(modem, 'callRemote', name, method, table.unpack(args))\n    end\n  end\n  return p\nend"),
        BrokenKernel.Patched("side-call-args-copied-with-ipairs", "DRV-PERIPHERAL-API", "a side peripheral's call copies its arguments with ipairs, which stops at the first nil",
            "local api = kernel.peripheralApi\nkernel.peripheralApi = function(node)\n  local p = api(node)\n" +
            "  if node.parent == kernel.root then\n" +
            "    p.call = function(name, method, ...)\n      local args = {}\n" +
            "      for _, value in ipairs({ ... }) do args[#args + 1] = value end\n" +
            "      return kernel.peripheral.call(name, method, table.unpack(args))\n    end\n  end\n  return p\nend"),
        BrokenKernel.Patched("registered-twice-listed-twice", "DRV-DEREGISTER", "registerDriver lists a driver once per call and deregisterDriver takes out one entry",
            "kernel.registerDriver = function(driver)\n  kernel.expect(1, driver, 'table')\n" +
            "  kernel.driverList[#kernel.driverList + 1] = driver\nend"),
        BrokenKernel.Patched("driver-errors-stringified", "PX-DRV-METHOD-ERRORS", "devcall turns a driver method's error into a string with the driver's name",
            "local call = kernel.callMethod\nkernel.callMethod = function(node, process, method, ...)\n" +
            "  local results = table.pack(pcall(call, node, process, method, ...))\n" +
            "  if not results[1] then error(tostring(results[2]), 0) end\n  return table.unpack(results, 2, results.n)\nend"),
        BrokenKernel.Patched("fs-method-errors-stringified", "PX-FS-METHOD-ERRORS", "a mount method's error is turned into a string before it goes back",
            "local call = kernel.callMount\nkernel.callMount = function(...)\n" +
            "  local results = table.pack(pcall(call, ...))\n" +
            "  if not results[1] then error(tostring(results[2]), 0) end\n  return table.unpack(results, 2, results.n)\nend"),
        BrokenKernel.Patched("devfind-ignores-case", "PX-DRV-DEVFIND", "devfind compares driver types ignoring case",
            "kernel.syscalls.devfind = function(process, thread, wanted)\n  kernel.expect(1, wanted, 'string')\n  local paths = {}\n" +
            "  kernel.eachNode(function(node)\n    for _, driver in ipairs(node.drivers) do\n" +
            "      if driver.type:lower() == wanted:lower() then paths[#paths + 1] = kernel.path(node) return end\n    end\n  end)\n" +
            "  return table.unpack(paths)\nend"),
        BrokenKernel.Patched("devlookup-index-kept", "PX-DRV-DEVFIND", "devlookup reads a name index that adding a node fills and removing one never cleans",
            "local index = {}\nlocal add = kernel.addNode\nkernel.addNode = function(parent, id)\n  local node, err = add(parent, id)\n" +
            "  if node then index[id] = index[id] or {} table.insert(index[id], kernel.path(node)) end\n  return node, err\nend\n" +
            "kernel.syscalls.devlookup = function(process, thread, name)\n  kernel.expect(1, name, 'string')\n" +
            "  return table.unpack(index[name] or {})\nend"),
        BrokenKernel.Patched("root-metadata-id-as-string", "PX-DRV-DEVINFO-SHAPE", "the root driver's init copies the root's id, a string, into metadata.id",
            "local init = kernel.rootDriver.init\nkernel.rootDriver.init = function(node)\n  init(node)\n  node.metadata.id = node.id\nend"),
        BrokenKernel.Patched("validation-skips-method-names", "PX-DRV-VALIDATED-AT-BIND", "binding checks method values but not method names",
            "local validate = kernel.validateDriver\nkernel.validateDriver = function(driver)\n" +
            "  if type(driver.methods) == 'table' then\n    local named = {}\n" +
            "    for k, v in pairs(driver.methods) do if type(k) == 'string' then named[k] = v end end\n" +
            "    local methods = driver.methods\n    driver.methods = named\n    local ok, err = pcall(validate, driver)\n" +
            "    driver.methods = methods\n    if not ok then error(err, 0) end\n    return\n  end\n  return validate(driver)\nend"),
    ];
}
