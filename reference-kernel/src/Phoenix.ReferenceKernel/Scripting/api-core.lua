-- Clauses: none (Phoenix 0.0.9's kernel API for modules beyond the page: reference-kernel/KERNEL-API.md)
-- Compat: PX-MOD-EXPECT
-- Mirrors: Phoenix 00-init (expect.field/range, serialize, unserialize, deepcopy, split, do_syscall), 30-event and
-- Mirrors: 99-main (eventHooks), 35-process (addProcessLoader, removeProcessLoader)
-- Kernel globals every real module relies on that the page does not spell out. Each follows Phoenix 0.0.9's
-- behaviour as its source defines it (facts carry over, code does not: this is our own implementation). Runs after
-- the built-in scripts, with (env, host, kernel) like them; see KERNEL-API.md for the list and what is not yet here.
local env, host, kernel = ...

local type, select, error, pairs, ipairs, tostring, pcall, next = type, select, error, pairs, ipairs, tostring, pcall, next
local getmetatable, setmetatable, load = getmetatable, setmetatable, load
local concat, pack, unpack, insert, remove = table.concat, table.pack, table.unpack, table.insert, table.remove
local format, gsub, gmatch, find, rep, byte = string.format, string.gsub, string.gmatch, string.find, string.rep, string.byte
local yield = coroutine.yield

-- expect: Phoenix's is a table, callable as expect(index, value, types...), with expect.expect, expect.field and
-- expect.range. The call keeps the kernel's checker (kernel.lua, facts §1.5); field and range raise without a
-- position too, so a message's first line reads as Phoenix's does after its "kernel:N:" is stripped.
local check = env.expect

local function typeName(value)
    local t = type(value)
    if t == "table" then
        local mt = getmetatable(value)
        if type(mt) == "table" and type(mt.__name) == "string" then return t, mt.__name end
    end
    return t, nil
end

-- Accepts a native type name or the __name of the value's metatable, as Phoenix's checker does.
local function matches(value, ...)
    local t, named = typeName(value)
    for i = 1, select("#", ...) do
        local wanted = select(i, ...)
        if wanted == t or (named ~= nil and wanted == named) then return true end
    end
    return false
end

local function expected(...)
    local n = select("#", ...)
    local names = pack(...)
    for i = 1, n do names[i] = tostring(names[i]) end
    if n <= 1 then return tostring(names[1]) end
    if n == 2 then return names[1] .. " or " .. names[2] end
    return concat(names, ", ", 1, n - 1) .. ", or " .. names[n]
end

local expect = {}
function expect.expect(index, value, ...)
    if matches(value, ...) then return value end
    return check(index, value, ...)
end

function expect.field(tbl, key, ...)
    local value = tbl[key]
    if matches(value, ...) then return value end
    local ok, shown = pcall(format, "%q", key)
    if not ok then shown = tostring(key) end
    error(format("bad field %s (expected %s, got %s)", shown, expected(...), type(value)), 0)
end

function expect.range(num, min, max)
    expect.expect(1, num, "number")
    expect.expect(2, min, "number", "nil")
    expect.expect(3, max, "number", "nil")
    if min and max and max < min then error("bad argument #3 (min must be less than or equal to max)", 0) end
    if num ~= num or num < (min or -math.huge) or num > (max or math.huge) then
        error(format("number outside of range (expected %s to be within %s and %s)", num, min or -math.huge, max or math.huge), 0)
    end
    return num
end
setmetatable(expect, { __call = function(_, ...) return expect.expect(...) end })

-- serialize(value, {minified=boolean}?) and unserialize(text): Lua literals, as Phoenix's 00-init writes them.
local KEYWORDS = {}
for word in gmatch("and break do else elseif end false for function goto if in local nil not or repeat return then true until while", "%S+") do
    KEYWORDS[word] = true
end

local function scalar(value)
    local text = gsub(format("%q", value), "\\\n", "\\n")
    return (gsub(text, "\\?[%z\1-\31\127-\255]", function(c) return format("\\%03d", byte(c, -1)) end))
end

local function serializeValue(value, open, minified, depth)
    local t = type(value)
    if t == "nil" or t == "number" or t == "boolean" or t == "string" then return scalar(value) end
    if t ~= "table" then error("Cannot serialize type " .. t, 0) end
    if open[value] then error("Cannot serialize recursive value", 0) end
    if next(value) == nil then return "{}" end
    open[value] = true
    local indent = minified and "" or rep("    ", depth)
    local sep = minified and "," or ",\n"
    local out, listed = { minified and "{" or "{\n" }, {}
    for i, item in ipairs(value) do
        listed[i] = true
        out[#out + 1] = indent .. serializeValue(item, open, minified, depth + 1) .. sep
    end
    for k, item in pairs(value) do
        if not listed[k] then
            local key
            if type(k) == "string" and find(k, "^[A-Za-z_][A-Za-z0-9_]*$") and not KEYWORDS[k] then
                key = k
            else
                key = "[" .. serializeValue(k, open, minified, depth + 1) .. "]"
            end
            out[#out + 1] = indent .. key .. (minified and "=" or " = ") .. serializeValue(item, open, minified, depth + 1) .. sep
        end
    end
    open[value] = nil
    local text = concat(out)
    if minified then return (gsub(text, ",$", "")) .. "}" end
    return text .. rep("    ", depth - 1) .. "}"
end

function env.serialize(value, options)
    expect(2, options, "table", "nil")
    return serializeValue(value, {}, options ~= nil and options.minified, 1)
end

-- Text only and in an empty environment: a serialized value reaches nothing of the kernel.
function env.unserialize(text)
    expect(1, text, "string")
    local chunk, err = load("return " .. text, "=unserialize", "t", {})
    if not chunk then error(err, 0) end
    return chunk()
end

-- deepcopy copies tables, their keys and their metatables; other values are returned as they are.
local function deepcopy(value)
    if type(value) ~= "table" then return value end
    local copy = setmetatable({}, deepcopy(getmetatable(value)))
    for k, v in pairs(value) do copy[deepcopy(k)] = deepcopy(v) end
    return copy
end
env.deepcopy = deepcopy

-- split(text, separators?): the runs of characters that are not in the separator class (default: whitespace).
function env.split(text, separators)
    local parts = {}
    for part in gmatch(text, "[^" .. (separators or "%s") .. "]+") do parts[#parts + 1] = part end
    return parts
end

-- do_syscall(name, ...): a syscall of the thread this runs on (user programs, userModeCallback functions and the
-- file handles they call); raises the syscall's error, as Phoenix's does.
function env.do_syscall(name, ...)
    local result = pack(yield("syscall", name, ...))
    if result[1] then return unpack(result, 2, result.n) end
    error(result[2], 3)
end

-- eventHooks[name] lists functions called with the event table {name, parameters..., n=...} when the kernel
-- handles a ComputerCraft event of that name. Phoenix 0.0.9 creates these lists before modules load (15-term,
-- 30-event, 55-drivers, 60-network); its own handlers sit in them, ours run in C# and devices.lua before the hooks.
local eventHooks = {}
for _, name in ipairs({ "term_resize", "char", "paste", "key", "key_up", "terminate", "peripheral",
    "peripheral_detach", "disk", "disk_eject", "monitor_resize", "speaker_audio_empty", "modem_message", "timer" }) do
    eventHooks[name] = {}
end
env.eventHooks = eventHooks

-- The kernel's event loop for one event (host entry): the kernel's own handling first, then the hooks, in order.
-- Phoenix does not protect its hooks: an error stops the kernel (the host turns it into a stop, facts §10 B5).
function kernel.handleEvent(name, ...)
    if name == "peripheral" or name == "peripheral_detach" then kernel.deviceEvent(name, ...) end
    local all = env.eventHooks
    local hooks = type(all) == "table" and all[name]
    if type(hooks) ~= "table" then return end
    local event = pack(name, ...)
    for _, hook in ipairs(hooks) do hook(event) end
end

-- Process loaders (35-process): exec tries each loader, the newest first, on a program's text. The reference
-- kernel has no exec yet, so the list is kept for modules to register into (KERNEL-API.md).
local processLoaders = {}
kernel.processLoaders = processLoaders
function env.addProcessLoader(loader)
    insert(processLoaders, 1, loader)
end

function env.removeProcessLoader(loader)
    for i, registered in ipairs(processLoaders) do
        if registered == loader then
            remove(processLoaders, i)
            return
        end
    end
end

env.expect = expect
kernel.apiExpect = expect
