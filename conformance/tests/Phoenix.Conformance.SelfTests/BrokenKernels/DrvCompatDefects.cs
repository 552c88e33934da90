namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the PX-DRV COMPAT clauses: each departs from Phoenix 0.0.9 in one device part.</summary>
internal static class DrvCompatDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("retrobinds", "PX-DRV-REGISTER-NO-RETROBIND", "registerDriver also binds to matching devices already present",
            "local register = kernel.registerDriver\nkernel.registerDriver = function(driver)\n  register(driver)\n" +
            "  kernel.eachNode(function(node)\n    if node ~= kernel.root and kernel.driverMatches(driver, kernel.nodeTypes(node)) then kernel.tryBind(node, driver) end\n" +
            "  end)\nend"),
        BrokenKernel.Patched("last-driver-wins", "PX-DRV-METHOD-CLASH", "devcall searches the node's drivers newest first",
            "kernel.callMethod = function(node, process, method, ...)\n  for i = #node.drivers, 1, -1 do\n    local fn = node.drivers[i].methods[method]\n" +
            "    if fn then return fn(node, process, ...) end\n  end\n  error('No such method', 0)\nend"),
        BrokenKernel.Patched("no-validation", "PX-DRV-VALIDATED-AT-BIND", "binds drivers without checking them",
            "kernel.validateDriver = function() end"),
        BrokenKernel.Patched("contains-bind-errors", "PX-DRV-INIT-ERROR-STOPS-KERNEL", "a driver that fails to bind is logged and the kernel goes on",
            "kernel.tryBind = function(node, driver)\n  local ok, err = pcall(kernel.bindDriver, node, driver)\n" +
            "  if not ok then kernel.syslog.log({ level = 'error' }, 'Could not bind ' .. tostring(driver.name) .. ': ' .. tostring(err)) end\nend"),
        BrokenKernel.Patched("removes-in-binding-order", "PX-DRV-REMOVE-REVERSE-ORDER", "detach deinitialises drivers oldest first",
            "local remove = kernel.removeNode\nkernel.removeNode = function(node)\n  while node.drivers[1] do kernel.unbindDriver(node, node.drivers[1]) end\n" +
            "  return remove(node)\nend"),
        BrokenKernel.Patched("silent-registration", "PX-DRV-REGISTER-LOG", "binding logs nothing",
            "local bind = kernel.bindDriver\nkernel.bindDriver = function(node, driver)\n  local log = kernel.syslog.log\n" +
            "  kernel.syslog.log = function() end\n  local ok, err = pcall(bind, node, driver)\n  kernel.syslog.log = log\n  if not ok then error(err, 0) end\n  return err\nend"),
        BrokenKernel.Patched("flat-paths", "PX-DRV-TREE-PATHS", "paths drop the modem side: /mydevice_0",
            "kernel.path = function(node) if node.parent == nil then return '/' end return '/' .. node.id end"),
        BrokenKernel.Patched("no-wireless-metadata", "PX-DRV-MODEM-NODES", "modem nodes have no metadata.wireless",
            "local info = kernel.deviceInfo\nkernel.deviceInfo = function(node)\n  local result = info(node)\n  result.metadata.wireless = nil\n  return result\nend"),
        BrokenKernel.Patched("random-uuids", "PX-DRV-UUID-DETERMINISTIC", "every node gets a fresh UUID",
            "local derive = host.nodeUuid\nlocal count = 0\nhost.nodeUuid = function(parent, name)\n  count = count + 1\n" +
            "  return derive(parent, tostring(name) .. '#' .. count)\nend"),
        BrokenKernel.Patched("devinfo-parent-uuid", "PX-DRV-DEVINFO-SHAPE", "devinfo.parent is the parent's UUID, not its path",
            "local info = kernel.deviceInfo\nkernel.deviceInfo = function(node)\n  local result = info(node)\n" +
            "  result.parent = node.parent and node.parent.uuid\n  return result\nend"),
        BrokenKernel.Patched("vague-devcall-errors", "PX-DRV-DEVCALL-ERRORS", "devcall on a missing device says 'Device not found'",
            "local devcall = kernel.syscalls.devcall\nkernel.syscalls.devcall = function(process, thread, device, ...)\n" +
            "  if type(device) == 'string' and kernel.lookup(device)[1] == nil then error('Device not found', 0) end\n" +
            "  return devcall(process, thread, device, ...)\nend"),
        BrokenKernel.Patched("devfind-by-driver-name", "PX-DRV-DEVFIND", "devfind matches driver names",
            "kernel.syscalls.devfind = function(process, thread, wanted)\n  local paths = {}\n  kernel.eachNode(function(node)\n" +
            "    for _, d in ipairs(node.drivers) do if d.name == wanted then paths[#paths + 1] = kernel.path(node) return end end\n" +
            "  end)\n  return table.unpack(paths)\nend"),
    ];
}
