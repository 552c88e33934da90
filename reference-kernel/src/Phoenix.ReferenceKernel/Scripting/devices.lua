-- Clauses: DRV-SHAPE, DRV-BIND-TYPE, DRV-BIND-BOOT, DRV-BIND-LATER, DRV-INIT, DRV-DEINIT, DRV-METHOD-ARGS,
-- Clauses: DRV-PROPERTIES, DRV-PERIPHERAL-API, DRV-MODEM, DRV-DEREGISTER, DRV-NAME
-- Compat: PX-DRV-REGISTER-NO-RETROBIND, PX-DRV-METHOD-CLASH, PX-DRV-VALIDATED-AT-BIND, PX-DRV-INIT-ERROR-STOPS-KERNEL,
-- Compat: PX-DRV-REMOVE-REVERSE-ORDER, PX-DRV-REGISTER-LOG, PX-DRV-TREE-PATHS, PX-DRV-MODEM-NODES,
-- Compat: PX-DRV-DEVINFO-SHAPE, PX-DRV-DEVCALL-ERRORS, PX-DRV-METHOD-ERRORS, PX-DRV-DEVFIND
-- Mirrors: Phoenix 40-hardware, 55-drivers and 99-main (device tree, drivers, device syscalls)
-- Device tree and drivers (page: "Device drivers"; facts §5; Phoenix parts 40-hardware, 55-drivers). The simulated
-- ComputerCraft peripherals are C# (Phoenix.ComputerCraft's PeripheralBus) behind host.peripheral*; this glue owns the tree,
-- the driver list, binding, and the device syscalls, because drivers are module code.
-- Each step is a kernel part (kernel.driverMatches, kernel.peripheralApi, kernel.bindDriver, kernel.runInit, ...)
-- looked up when it runs, so a variant kernel can replace one (the suite's broken kernels do).
-- Where the page is silent this follows Phoenix 0.0.9; where Phoenix's deregisterDriver is buggy (facts §10 B1-B4)
-- the page wins: a deregistered driver never binds again. Failures in driver code are contained and logged here,
-- where Phoenix would take the kernel down (facts §10 B5).
local env, host, kernel = ...

local type, pairs, ipairs, error, pcall, tostring = type, pairs, ipairs, error, pcall, tostring
local pack, remove, sort, concat = table.pack, table.remove, table.sort, table.concat
local format, find, gmatch = string.format, string.find, string.gmatch
local syslog, syscalls = kernel.syslog, kernel.syscalls

local SIDES = { "top", "bottom", "left", "right", "front", "back" }
local IS_SIDE = {}
for _, side in ipairs(SIDES) do IS_SIDE[side] = true end

-- ComputerCraft's peripheral API over the simulation. Modules get their own copy (Phoenix modules run in CraftOS's
-- _G), so a module replacing env.peripheral.call cannot redirect the kernel's calls.
local function peripheralApi()
    local api = {}
    function api.getNames() return host.peripheralNames() end
    function api.isPresent(name) return (host.peripheralTypes(name)) ~= nil end
    function api.getType(name) return host.peripheralTypes(name) end
    function api.hasType(name, wanted)
        local types = pack(host.peripheralTypes(name))
        if types.n == 0 then return nil end
        for i = 1, types.n do if types[i] == wanted then return true end end
        return false
    end
    function api.getMethods(name) return host.peripheralMethods(name) end
    function api.call(name, method, ...) return host.peripheralCall(name, method, ...) end
    return api
end
local peripheral = peripheralApi()
kernel.peripheral = peripheral
env.peripheral = peripheralApi()

-- The device tree (facts §5.1). Nodes are plain tables modules may read and write, as in Phoenix.
local byUuid = {}

local function newNode(parent, id)
    local node = {
        id = id, uuid = host.nodeUuid(parent and parent.uuid, id), parent = parent, displayName = "",
        drivers = {}, metadata = {}, internalState = {}, children = {}, listeners = setmetatable({}, { __mode = "k" }),
    }
    byUuid[node.uuid] = node
    return node
end

-- The root is the computer itself; its id is the computer ID as a string (facts §5.1).
local root = newNode(nil, "0")
kernel.root = root
env.deviceTreeRoot = root

local function sortedChildren(node)
    local ids = {}
    for id in pairs(node.children) do ids[#ids + 1] = id end
    sort(ids)
    local list = {}
    for i, id in ipairs(ids) do list[i] = node.children[id] end
    return list
end

-- "/" for the root, "/<id>/<id>..." below it (facts §5.1).
function kernel.path(node)
    if node.parent == nil then return "/" end
    local parts = {}
    while node.parent ~= nil do
        table.insert(parts, 1, node.id)
        node = node.parent
    end
    return "/" .. concat(parts, "/")
end

-- Depth-first over the tree in sorted child order, the root first.
function kernel.eachNode(visit, node)
    node = node or root
    visit(node)
    for _, child in ipairs(sortedChildren(node)) do kernel.eachNode(visit, child) end
end

-- hardware.get (facts §5.1): a UUID, an absolute path ("/" or containing "/"), or every node whose id or alias matches.
function kernel.lookup(spec)
    if find(spec, "^%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$") then
        return { byUuid[spec] }
    end
    if spec == "" or find(spec, "/", 1, true) then
        local node = root
        for part in gmatch(spec, "[^/]+") do
            node = node.children[part]
            if node == nil then return {} end
        end
        return { node }
    end
    local found = {}
    kernel.eachNode(function(node)
        if node.id == spec or node.alias == spec then found[#found + 1] = node end
    end)
    return found
end

-- The ComputerCraft types of the peripheral behind a node: peripheral.getType on a side, getTypeRemote over the
-- parent modem for a networked one (facts §5.3).
function kernel.nodeTypes(node)
    if node.parent == root then return pack(peripheral.getType(node.id)) end
    return pack(peripheral.call(node.parent.id, "getTypeRemote", node.id))
end

-- node.internalState.peripheral (facts §5.6): call and getMethods, taking the peripheral name first. A networked
-- peripheral is reached through callRemote / getMethodsRemote on its modem (DRV-MODEM).
function kernel.peripheralApi(node)
    if node.parent == root then
        return { call = peripheral.call, getMethods = peripheral.getMethods }
    end
    local modem = node.parent.id
    return {
        call = function(name, method, ...) return peripheral.call(modem, "callRemote", name, method, ...) end,
        getMethods = function(name) return peripheral.call(modem, "getMethodsRemote", name) end,
    }
end

-- A driver binds to a device if any of the device's types equals driver.type (DRV-BIND-TYPE; facts §5.3).
function kernel.driverMatches(driver, types)
    for i = 1, types.n or #types do
        if types[i] == driver.type then return true end
    end
    return false
end

local function expectField(tbl, key, ...)
    local ok, err = pcall(kernel.expect, 1, tbl[key], ...)
    if not ok then error((tostring(err):gsub("^bad argument #1", format("bad field %q", key))), 0) end
end

-- hardware.register's checks, made when a driver binds, not when it registers (facts §5.4).
function kernel.validateDriver(driver)
    expectField(driver, "name", "string")
    expectField(driver, "type", "string")
    expectField(driver, "properties", "table")
    expectField(driver, "methods", "table")
    expectField(driver, "init", "function", "nil")
    expectField(driver, "deinit", "function", "nil")
    for key in pairs(driver.methods) do
        if type(key) ~= "string" then error(format("bad method name '%s' (not a string)", tostring(key)), 0) end
        expectField(driver.methods, key, "function")
    end
    for _, property in ipairs(driver.properties) do
        if type(property) ~= "string" then error(format("bad property name '%s' (not a string)", tostring(property)), 0) end
        local getter = "get" .. property:sub(1, 1):upper() .. property:sub(2)
        if type(driver.methods[getter]) ~= "function" then
            error(format("bad property '%s' (no getter present)", property), 0)
        end
    end
end

-- init and deinit are plain calls with the node only (facts §5.4): a ':init()' method sees self = node.
function kernel.runInit(driver, node)
    if driver.init then driver.init(node) end
end

function kernel.runDeinit(driver, node)
    if driver.deinit then driver.deinit(node) end
end

-- hardware.register (facts §5.4): validate, refuse a second binding of the same driver, give the node its
-- peripheral API (page: registerDriver "creates a node.internalState.peripheral table"), append, log, then init.
-- An init that throws leaves the driver bound, as in Phoenix; the caller logs the error.
function kernel.bindDriver(node, driver)
    kernel.validateDriver(driver)
    -- A node a module kept after it left the tree (detached) cannot take a driver (facts §5.4).
    if type(node) ~= "table" or byUuid[node.uuid] ~= node then error("bad argument #1 (invalid node)", 2) end
    for _, bound in ipairs(node.drivers) do
        if bound == driver then return false end
    end
    if node ~= root then node.internalState.peripheral = kernel.peripheralApi(node) end
    node.drivers[#node.drivers + 1] = driver
    syslog.log({ module = "Hardware" }, format("Registered device with type %s on device %s using driver %s",
        driver.type, kernel.path(node), driver.name))
    kernel.runInit(driver, node)
    return true
end

-- hardware.deregister (facts §5.4): deinit, then remove. A deinit that throws is logged and the driver still goes.
function kernel.unbindDriver(node, driver)
    for i, bound in ipairs(node.drivers) do
        if bound == driver then
            local ok, err = pcall(kernel.runDeinit, driver, node)
            remove(node.drivers, i)
            if not ok then
                syslog.log({ level = "error" }, format("Driver %s failed to deinitialize device %s: %s",
                    tostring(driver.name), kernel.path(node), tostring(err)))
            end
            syslog.log({ module = "Hardware" }, format("Driver %s has been deregistered from device %s", tostring(driver.name), kernel.path(node)))
            return true
        end
    end
    return false
end

-- Binding errors are not contained, as in Phoenix (facts §5.4, §10 B5): a driver that fails validation or whose init
-- throws raises into whatever added the node, and the C# side stops the kernel (at boot: a panic). Kept as its own
-- part so variants can replace the policy.
function kernel.tryBind(node, driver)
    kernel.bindDriver(node, driver)
end

-- The driver list: built-ins first, then registered drivers in registration order, which is the order drivers bind
-- to a new node and so the order devcall searches for a method (facts §5.5).
local driverList = {}
kernel.driverList = driverList

-- A new node gets every listed driver whose type matches (DRV-BIND-BOOT, DRV-BIND-LATER).
function kernel.nodeAdded(node)
    local types = kernel.nodeTypes(node)
    for _, driver in ipairs(driverList) do
        if kernel.driverMatches(driver, types) then kernel.tryBind(node, driver) end
    end
end

-- hardware.add (facts §5.4).
function kernel.addNode(parent, id)
    if parent == nil or byUuid[parent.uuid] ~= parent then return nil, "Invalid parent node" end
    if parent.children[id] then return nil, "Node already exists" end
    local node = newNode(parent, id)
    parent.children[id] = node
    kernel.nodeAdded(node)
    return node
end

-- hardware.remove (facts §5.4): drivers in reverse order (each deinit), then the children, then unlink.
function kernel.removeNode(node)
    if node == root then return false, "Cannot remove root node" end
    if byUuid[node.uuid] ~= node then return false, "Invalid node" end
    for i = #node.drivers, 1, -1 do kernel.unbindDriver(node, node.drivers[i]) end
    for _, child in ipairs(sortedChildren(node)) do kernel.removeNode(child) end
    node.parent.children[node.id] = nil
    byUuid[node.uuid] = nil
    return true
end

-- registerDriver (page; facts §5.5): the driver joins the list and binds to matching nodes added from now on. Like
-- Phoenix it does not bind nodes that already exist (PX-DRV-REGISTER-NO-RETROBIND); boot modules still reach every
-- boot peripheral because the tree is built after them. Registering the same table twice changes nothing.
function kernel.registerDriver(driver)
    kernel.expect(1, driver, "table")
    for _, listed in ipairs(driverList) do
        if listed == driver then return end
    end
    driverList[#driverList + 1] = driver
end

-- deregisterDriver (page): unbind from every device (deinit each) and leave the list, so no later device gets it.
function kernel.deregisterDriver(driver)
    kernel.expect(1, driver, "table")
    for i, listed in ipairs(driverList) do
        if listed == driver then
            remove(driverList, i)
            break
        end
    end
    local bound = {}
    kernel.eachNode(function(node)
        for _, d in ipairs(node.drivers) do
            if d == driver then bound[#bound + 1] = node end
        end
    end)
    for _, node in ipairs(bound) do kernel.unbindDriver(node, driver) end
end

env.registerDriver = function(driver) return kernel.registerDriver(driver) end
env.deregisterDriver = function(driver) return kernel.deregisterDriver(driver) end

-- Built-in drivers. Phoenix has one per CC peripheral type (facts §5.9); the reference kernel has the two the tree
-- needs: the root driver and the modem driver, whose init lists a wired modem's network (facts §5.2).
local label = ""
local rootDriver = {
    name = "root", type = "computer", properties = { "isOn", "label" },
    methods = {
        getIsOn = function() return true end,
        getLabel = function() return label end,
        setLabel = function(node, process, newLabel)
            kernel.expect(1, newLabel, "string", "nil")
            label = newLabel or ""
            node.displayName = label
        end,
    },
    init = function(node)
        node.metadata.id = 0
        node.displayName = label
        -- One node per side that has a peripheral, in side order (facts §5.2).
        for _, side in ipairs(SIDES) do
            if peripheral.isPresent(side) then kernel.addNode(node, side) end
        end
    end,
}
kernel.rootDriver = rootDriver

local modemDriver = {
    name = "peripheral_modem", type = "modem", properties = {}, methods = {},
    init = function(node)
        node.metadata.wireless = node.internalState.peripheral.call(node.id, "isWireless")
        if node.metadata.wireless then return end
        local names = node.internalState.peripheral.call(node.id, "getNamesRemote")
        sort(names)
        for _, name in ipairs(names) do kernel.addNode(node, name) end
    end,
}
driverList[1] = modemDriver

-- Boot (facts §5.2): after the boot modules, the root driver populates the tree. Called once from C#.
function kernel.populateDevices()
    kernel.tryBind(root, kernel.rootDriver)
end

-- Attach and detach events (facts §5.8). A networked name is added under the first wired modem that has it.
local function attach(name)
    if IS_SIDE[name] then
        local _, err = kernel.addNode(root, name)
        if err then syslog.log({ level = "error" }, "Could not create new device: " .. err) end
        return
    end
    for _, side in ipairs(SIDES) do
        if peripheral.hasType(side, "modem") and not peripheral.call(side, "isWireless")
            and peripheral.call(side, "isPresentRemote", name) then
            local modem = root.children[side] or kernel.addNode(root, side)
            if modem and not modem.children[name] then kernel.addNode(modem, name) end
            return
        end
    end
end

local function detach(name)
    local node = root.children[name]
    if node == nil then
        for _, side in ipairs(SIDES) do
            local modem = root.children[side]
            if modem and modem.children[name] then
                node = modem.children[name]
                break
            end
        end
    end
    if node == nil then
        syslog.log({ level = "notice" }, format(
            "Received peripheral_detach event for device ID %s, but no device node was found; ignoring", name))
        return
    end
    kernel.removeNode(node)
end

function kernel.deviceEvent(event, name)
    if event == "peripheral" then attach(name) elseif event == "peripheral_detach" then detach(name) end
end

-- Device syscalls (facts §5.7). Specs resolve with kernel.lookup; all but devlookup use the first match.
local function firstNode(device)
    kernel.expect(1, device, "string")
    return kernel.lookup(device)[1]
end

local function deepcopy(value, seen)
    if type(value) ~= "table" then return value end
    seen = seen or {}
    if seen[value] then return seen[value] end
    local copy = {}
    seen[value] = copy
    for k, v in pairs(value) do copy[deepcopy(k, seen)] = deepcopy(v, seen) end
    return copy
end

-- devcall: the first driver (in binding order) with the method runs it as fn(node, process, ...), all results back.
function kernel.callMethod(node, process, method, ...)
    for _, driver in ipairs(node.drivers) do
        local fn = driver.methods[method]
        if fn ~= nil then return fn(node, process, ...) end
    end
    error("No such method", 0)
end

function syscalls.devcall(process, thread, device, method, ...)
    local node = firstNode(device)
    kernel.expect(2, method, "string")
    if node == nil then error("No such device", 0) end
    return kernel.callMethod(node, process, method, ...)
end

function syscalls.devlookup(process, thread, name)
    kernel.expect(1, name, "string")
    local paths = {}
    for i, node in ipairs(kernel.lookup(name)) do paths[i] = kernel.path(node) end
    return table.unpack(paths)
end

-- devinfo: types maps each driver's type to its name (DRV-NAME); the metadata is a copy.
function kernel.deviceInfo(node)
    local types = {}
    for _, driver in ipairs(node.drivers) do types[driver.type] = driver.name end
    return {
        id = node.id, uuid = node.uuid, alias = node.alias, displayName = node.displayName,
        parent = node.parent and kernel.path(node.parent) or "/", types = types, metadata = deepcopy(node.metadata),
    }
end

function syscalls.devinfo(process, thread, device)
    local node = firstNode(device)
    if node == nil then return nil end
    return kernel.deviceInfo(node)
end

function syscalls.devmethods(process, thread, device)
    local node = firstNode(device)
    if node == nil then error("No such device", 0) end
    local list = {}
    for _, driver in ipairs(node.drivers) do
        local names = {}
        for name in pairs(driver.methods) do names[#names + 1] = name end
        sort(names)
        for _, name in ipairs(names) do list[#list + 1] = name end
    end
    return list
end

function kernel.deviceProperties(node)
    local list = {}
    for _, driver in ipairs(node.drivers) do
        for _, property in ipairs(driver.properties) do list[#list + 1] = property end
    end
    return list
end

function syscalls.devproperties(process, thread, device)
    local node = firstNode(device)
    if node == nil then error("No such device", 0) end
    return kernel.deviceProperties(node)
end

function syscalls.devchildren(process, thread, device)
    local node = firstNode(device)
    if node == nil then error("No such device", 0) end
    local list = {}
    for i, child in ipairs(sortedChildren(node)) do list[i] = child.id end
    return list
end

-- devfind: the paths of every node that has a driver of that type.
function syscalls.devfind(process, thread, wanted)
    kernel.expect(1, wanted, "string")
    local paths = {}
    kernel.eachNode(function(node)
        for _, driver in ipairs(node.drivers) do
            if driver.type == wanted then
                paths[#paths + 1] = kernel.path(node)
                return
            end
        end
    end)
    return table.unpack(paths)
end
