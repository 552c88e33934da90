-- The conformance agent: installed by the craftos adapter as the kernel's init (/sbin/init.lua). It runs adapter
-- operations inside the kernel and writes the results to its standard output, where the host reads them.
--
-- Requests arrive as the CC event "conformance_request", id, op, user, text, count, args (a kernel that wraps
-- event parameters in a table, as Phoenix does, works too). op is "syscall" (text = the syscall name) or "chunk"
-- (text = Lua source of a user program). For each user the agent forks one process and makes it that user with
-- setuser, so calls for one user always come from the same process and thread.
--
-- Answers are frames "@@pxc:<id>:<hex>@@" on stdout; <hex> encodes the Lua text "return ok, values...", with every
-- value written as a literal (%q keeps bytes, integers and floats exactly). Frame 0 says the agent is ready.
local yield, pack, unpack, concat = coroutine.yield, table.pack, table.unpack, table.concat
local format, byte, gsub, type, select, next, tostring = string.format, string.byte, string.gsub, type, select, next, tostring
local setmetatable, load, pcall, error = setmetatable, load, pcall, error
local ENV = _ENV

local function rawsyscall(name, ...) return yield("syscall", name, ...) end

local output = io and io.write or function(text) return rawsyscall("write", text) end

local function literal(value, seen)
    local t = type(value)
    if t == "string" or t == "number" then return format("%q", value) end
    if t == "nil" or t == "boolean" then return tostring(value) end
    if t == "table" then
        if seen[value] then return "nil" end
        seen[value] = true
        local parts = {}
        for k, v in next, value do parts[#parts + 1] = "[" .. literal(k, seen) .. "]=" .. literal(v, seen) end
        seen[value] = nil
        return "{" .. concat(parts, ",") .. "}"
    end
    if t == "thread" then return "coroutine.create(function() end)" end
    -- Functions and userdata cannot cross; a function literal keeps the type name.
    return "(function() end)"
end

local function send(id, ...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = literal((select(i, ...)), {}) end
    local text = "return " .. concat(parts, ",")
    local hex = gsub(text, ".", function(c) return format("%02x", byte(c)) end)
    output("@@pxc:" .. tostring(id) .. ":" .. hex .. "@@\n")
end

local function call(name, ...)
    local result = pack(rawsyscall(name, ...))
    if result[1] then return unpack(result, 2, result.n) end
    error(result[2], 2)
end

-- The `syscall` global of user programs: syscall(name, ...) and syscall.name(...), raising the syscall's error.
local syscall = setmetatable({}, {
    __call = function(_, name, ...) return call(name, ...) end,
    __index = function(_, name) return function(...) return call(name, ...) end end,
})

local function nextRequest()
    while true do
        local event = pack(yield())
        if event[1] == "conformance_request" then
            local id, op, user, text, count, args = event[2], event[3], event[4], event[5], event[6], event[7]
            if type(id) == "table" then id, op, user, text, count, args = unpack(id, 1, 6) end
            return { id = id, op = op, user = user, text = text, count = count or 0, args = args or {} }
        end
    end
end

local function serve(request)
    if request.op == "syscall" then
        send(request.id, rawsyscall(request.text, unpack(request.args, 1, request.count)))
    elseif request.op == "chunk" then
        local env = setmetatable({ syscall = syscall }, { __index = ENV })
        env._G = env
        local fn, err = load(request.text, "=program", "t", env)
        if not fn then return send(request.id, false, err) end
        send(request.id, pcall(fn, unpack(request.args, 1, request.count)))
    else
        send(request.id, false, "agent: unknown operation " .. tostring(request.op))
    end
end

local children = {}
send(0, true, "ready")
while true do
    local request = nextRequest()
    if not children[request.user] then
        children[request.user] = true
        local ok, err = rawsyscall("fork", function()
            local user = request.user
            local switched, why = rawsyscall("setuser", user)
            if not switched then return send(request.id, false, "agent: setuser " .. tostring(user) .. " failed: " .. tostring(why)) end
            serve(request)
            while true do
                local later = nextRequest()
                if later.user == user then serve(later) end
            end
        end, "agent:" .. tostring(request.user))
        if not ok then
            children[request.user] = nil
            send(request.id, false, "agent: fork failed: " .. tostring(err))
        end
    end
end
