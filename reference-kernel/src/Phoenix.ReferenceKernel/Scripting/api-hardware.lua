-- Clauses: none (Phoenix 0.0.9's kernel API for modules beyond the page: reference-kernel/KERNEL-API.md)
-- Mirrors: Phoenix 40-hardware (the hardware table over the device tree, the devlisten syscall)
-- The hardware table kernel modules use to reach the device tree that devices.lua builds: get, find, path, add,
-- remove, call, broadcast, listen, unlisten. Nodes are the tree's own tables, as in Phoenix.
local env, host, kernel = ...

local type, ipairs, pairs, error, pcall, unpack = type, ipairs, pairs, error, pcall, table.unpack
local match = string.match
local expect = kernel.apiExpect

local hardware = {}

-- A node of the tree: a table with a uuid the tree knows (Phoenix: "bad argument #1 (invalid node)").
local function known(node, index)
    expect(index, node, "table")
    expect.field(node, "uuid", "string")
    if kernel.lookup(node.uuid)[1] ~= node then error("bad argument #" .. index .. " (invalid node)", 0) end
    return node
end

-- get(spec): the node of a UUID or an absolute path, or every node whose id or alias is spec.
function hardware.get(spec)
    expect(1, spec, "string")
    return unpack(kernel.lookup(spec))
end

-- find(type): every node with a driver of that type, the tree walked from the root.
function hardware.find(wanted)
    expect(1, wanted, "string")
    local found = {}
    kernel.eachNode(function(node)
        for _, driver in ipairs(node.drivers) do
            if driver.type == wanted then
                found[#found + 1] = node
                return
            end
        end
    end)
    return unpack(found)
end

function hardware.path(node)
    return kernel.path(known(node, 1))
end

-- add(parent, name) and remove(node): new nodes get drivers bound and listeners told, as attached peripherals do.
function hardware.add(parent, name)
    known(parent, 1)
    expect(2, name, "string")
    if parent.children[name] then return nil, "Node already exists" end
    return kernel.addNode(parent, name)
end

function hardware.remove(node)
    known(node, 1)
    return kernel.removeNode(node)
end

-- call(process, node, method, ...): the first bound driver with the method runs it as fn(node, process, ...).
function hardware.call(process, node, method, ...)
    expect(3, method, "string")
    return kernel.callMethod(node, process, method, ...)
end

-- broadcast(node, event, param): queues {event, param} for every process listening on the node
-- (node.listeners, keys are processes).
function hardware.broadcast(node, event, param)
    known(node, 1)
    expect(2, event, "string")
    expect(3, param, "table")
    for process in pairs(node.listeners) do
        if type(process) == "table" and type(process.eventQueue) == "table" then
            process.eventQueue[#process.eventQueue + 1] = { event, param }
        end
    end
end

-- listen(callback, parent?, pattern?): callback(node) for every node added later under parent (any parent when
-- nil) whose id matches pattern (any when nil). unlisten removes every registration of the callback (Phoenix
-- 0.0.9's never looks at the newest one, facts §10 B1; the reference kernel does not copy that bug).
local listeners = {}
function hardware.listen(callback, parent, pattern)
    expect(1, callback, "function")
    expect(2, parent, "table", "nil")
    expect(3, pattern, "string", "nil")
    if parent then expect.field(parent, "uuid", "string") end
    if pattern and not pcall(match, "", pattern) then error("bad argument #3 (invalid pattern)", 0) end
    listeners[#listeners + 1] = { callback = callback, parent = parent, pattern = pattern }
end

function hardware.unlisten(callback)
    expect(1, callback, "function")
    for i = #listeners, 1, -1 do
        if listeners[i].callback == callback then table.remove(listeners, i) end
    end
end

-- Listeners hear of a node once the kernel has bound its drivers to it (devices.lua, kernel.nodeAdded).
local nodeAdded = kernel.nodeAdded
function kernel.nodeAdded(node)
    nodeAdded(node)
    for _, listener in ipairs({ unpack(listeners) }) do
        if (listener.parent == nil or listener.parent == node.parent)
            and (listener.pattern == nil or match(node.id, listener.pattern)) then
            listener.callback(node)
        end
    end
end

-- The devlisten(device, state?) syscall: the caller joins (or, with false, leaves) the device's listeners, so
-- hardware.broadcast queues the device's events for it; a dependent entry undoes it when the process is reaped.
-- (Phoenix 0.0.9 has no devunlisten; devlisten(device, false) is how to stop.)
local function listen(process, device, state)
    expect(1, device, "string")
    expect(2, state, "boolean", "nil")
    local node = kernel.lookup(device)[1]
    if node == nil then error("No such device", 0) end
    if state == false then
        node.listeners[process] = nil
        for i, dependent in ipairs(process.dependents) do
            if dependent.type == "hardware listen" and dependent.node == node then
                table.remove(process.dependents, i)
                break
            end
        end
    elseif not node.listeners[process] then
        node.listeners[process] = true
        process.dependents[#process.dependents + 1] = { type = "hardware listen", node = node, gc = function() node.listeners[process] = nil end }
    end
end

function kernel.syscalls.devlisten(process, thread, device, state) listen(process, device, state) end

env.hardware = hardware
