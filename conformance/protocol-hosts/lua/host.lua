-- The Lua protocol host: serves Pebble (kernel.lua) over the cross-process adapter protocol
-- (conformance/ADAPTER-PROTOCOL.md) on stdin and stdout, one JSON object per line. Run it with Debian's lua5.4:
--   phoenix-conformance run --adapter "exec:lua5.4 conformance/protocol-hosts/lua/host.lua"
-- Nothing but protocol lines goes to stdout; diagnostics go to stderr.
local here = (arg and arg[0] or ""):match("^(.*)[/\\][^/\\]*$") or "."
package.path = here .. "/?.lua;" .. package.path

local json = require("json")
local values = require("values")
local kernel = require("kernel")

local PROTOCOL = 1
local OPERATIONS = json.array({ "syscall", "readSyslog", "runUserChunk" })

local kernels, booted, greeted, done = {}, 0, false, false

-- A failed answer: raised as a table so the loop can tell it from a bug in this host.
local function refuse(kind, message, operation)
    error({ kind = kind, message = message, operation = operation }, 0)
end

local function field(request, name, kind)
    local value = request[name]
    if type(value) ~= kind then refuse("badRequest", "field '" .. name .. "' must be a " .. kind) end
    return value
end

local function kernelOf(request)
    local id = field(request, "kernel", "string")
    return kernels[id] or refuse("badRequest", "no kernel '" .. id .. "'")
end

local function decodeList(node)
    local ok, list = pcall(values.decodeList, node)
    if not ok then refuse("badRequest", "args: " .. tostring(list)) end
    return list
end

local function result(ok, value)
    if ok then return { succeeded = true, values = values.encodeList(value, value.n) } end
    return { succeeded = false, error = values.encode(value) }
end

local function decodeImage(image)
    if type(image) ~= "table" then refuse("badRequest", "field 'image' must be an object") end
    if image.peripherals and image.peripherals.n and image.peripherals.n > 0 then
        refuse("unsupported", "Pebble has no peripherals", "Boot")
    end
    local entries = {}
    for i = 1, image.entries.n do
        local e = image.entries[i]
        local content = e.content
        if content == json.null then content = nil else content = values.unbase64(content) end
        entries[i] = { path = e.path, content = content, owner = e.owner, permissions = e.permissions, world = e.world }
    end
    local arguments = {}
    for k, v in pairs(image.kernelArguments or {}) do arguments[k] = v end
    return { entries = entries, kernelArguments = arguments }
end

local handlers = {}

function handlers.hello(request)
    local offered = request.protocols
    local ok = false
    for i = 1, offered and offered.n or 0 do if offered[i] == PROTOCOL then ok = true end end
    if not ok then refuse("badRequest", "no common protocol version: this host speaks " .. PROTOCOL) end
    greeted = true
    return { protocol = PROTOCOL, name = "lua-pebble", version = "Pebble 0.1.0 on " .. _VERSION, operations = OPERATIONS }
end

function handlers.bye()
    done = true
    return json.null
end

function handlers.boot(request)
    local ok, k = pcall(kernel.boot, decodeImage(request.image))
    if not ok then
        if type(k) == "table" then error(k, 0) end
        refuse("boot", "Pebble could not boot: " .. tostring(k))
    end
    booted = booted + 1
    local id = "k" .. booted
    kernels[id] = k
    return id
end

function handlers.shutdown(request)
    local id = field(request, "kernel", "string")
    if kernels[id] then
        pcall(kernels[id].shutdown)
        kernels[id] = nil
    end
    return json.null
end

function handlers.syscall(request)
    local k = kernelOf(request)
    return result(k.syscall(field(request, "user", "string"), field(request, "name", "string"), decodeList(request.args)))
end

function handlers.runUserChunk(request)
    local k = kernelOf(request)
    return result(k.runUserChunk(field(request, "user", "string"), field(request, "source", "string"), decodeList(request.args)))
end

function handlers.readSyslog(request)
    local k = kernelOf(request)
    local out = json.array({}, 0)
    for i, entry in ipairs(k.syslog) do
        out[i] = { level = entry.level, message = entry.message, module = entry.module or json.null, category = entry.category or json.null }
        out.n = i
    end
    return out
end

local function answer(line)
    local ok, request = pcall(json.decode, line)
    if not ok or type(request) ~= "table" or getmetatable(request) == json.ARRAY then
        return { id = json.null, ok = false, error = { kind = "badRequest", message = "not a JSON object: " .. tostring(request) } }
    end
    local id = request.id
    if id == nil then id = json.null end
    local op = request.op
    local handled, value = pcall(function()
        if type(op) ~= "string" then refuse("badRequest", "field 'op' must be a string") end
        if not greeted and op ~= "hello" then refuse("badRequest", "'" .. op .. "' before 'hello'") end
        local handler = handlers[op]
        if not handler then
            if op == "attach" or op == "detach" or op == "readPeripheralLog" then refuse("unsupported", "Pebble has no peripherals", op) end
            refuse("badRequest", "unknown operation '" .. op .. "'")
        end
        return handler(request)
    end)
    if handled then return { id = id, ok = true, result = value } end
    if type(value) == "table" and value.kind then
        return { id = id, ok = false, error = { kind = value.kind, message = value.message, operation = value.operation } }
    end
    return { id = id, ok = false, error = { kind = "internal", message = tostring(value) } }
end

io.stdout:setvbuf("full")
for line in io.stdin:lines() do
    if line ~= "" then
        local reply = answer(line)
        local ok, text = pcall(json.encode, reply)
        if not ok then text = json.encode({ id = reply.id, ok = false, error = { kind = "internal", message = text } }) end
        io.stdout:write(text, "\n")
        io.stdout:flush()
        if done then break end
    end
end
