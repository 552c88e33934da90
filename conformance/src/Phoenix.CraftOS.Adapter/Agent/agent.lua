-- The conformance agent: installed by the craftos adapter as the kernel's init (/sbin/init.lua). It runs adapter
-- operations inside the kernel and writes the results to its standard output, where the host reads them.
--
-- Requests are id, op, user, text, count, args. op is "syscall" (text = the syscall name), "chunk" (text = Lua
-- source of a user program) or "ping" (answered at once: the host learns that the kernel took every event queued
-- before it). For each user the agent forks one process and makes it that user with setuser, so calls for one user
-- always come from the same process and thread.
--
-- How requests arrive depends on the kernel, and frame 0 tells the host which way:
--   "events":  the CC event "conformance_request", id, op, user, text, count, args, for kernels that hand CC events
--              to every waiting process (Tiny; Phoenix's form, name plus a table of parameters, works too);
--   "console": typed lines "pxq:<Lua literal of the request list>", for kernels whose processes get only their own
--              events, timers and the terminal (Phoenix). The agent reads them with the readline syscall, with echo
--              off, and hands a request to its user's process with sendEvent (it arrives as "remote_event").
--
-- The host port: when the kernel's `open` of PORT gives the computer's file handle with the port's functions (Phoenix's
-- craftos filesystem does), answers and console requests cross through it as data, exact and of any size, and each
-- user's process can be woken by a timer it armed (the host fires it), without the terminal. Otherwise:
-- Answers are frames "@@pxc:<id>:<hex>@@" on stdout; <hex> encodes the Lua text "return ok, values...", with every
-- value written as a literal (%q keeps bytes, integers and floats exactly, except NaN, which it writes as (0/0) and so
-- loses its sign and payload: a NaN is written as string.unpack of its eight bytes). Frame 0 says the agent is ready.
local yield, pack, unpack, concat = coroutine.yield, table.pack, table.unpack, table.concat
local format, byte, gsub, match, type, select, next, tostring = string.format, string.byte, string.gsub, string.match, type, select, next, tostring
local setmetatable, load, pcall, error = setmetatable, load, pcall, error
local sub = string.sub
-- Hex characters per answer frame: about seven lines of a 51-column screen (see send).
local PART = 350
local ENV = _ENV
local spack, sunpack = string.pack, string.unpack

local function rawsyscall(name, ...) return yield("syscall", name, ...) end

local output = io and io.write or function(text) return rawsyscall("write", text) end

local PORT = "/sbin/init.port"
local port
do
    local ok, handle = rawsyscall("open", PORT, "rb")
    if ok == true and type(handle) == "table" and type(handle.send) == "function" then port = handle end
end

local function literal(value, seen)
    local t = type(value)
    if t == "number" and value ~= value and spack then return "(string.unpack('<d'," .. format("%q", spack("<d", value)) .. "))" end
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
    -- A value the port cannot copy as data (too large or too deep) goes through the screen instead.
    if port and pcall(port.send, id, ...) then return end
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = literal((select(i, ...)), {}) end
    local text = "return " .. concat(parts, ",")
    local hex = gsub(text, ".", function(c) return format("%02x", byte(c)) end)
    if #hex <= PART then
        output("@@pxc:" .. tostring(id) .. ":" .. hex .. "@@\n")
        return
    end
    -- A long answer goes in parts, one write each, so each fits on the screen: terminals that draw only what is on the
    -- screen after a write (Phoenix before 0.0.8) would lose the lines that scrolled away. The last frame counts them.
    local count = 0
    for start = 1, #hex, PART do
        count = count + 1
        local piece = sub(hex, start, start + PART - 1)
        if start + PART > #hex then output("@@pxc:" .. tostring(id) .. "/" .. count .. ":" .. piece .. "@@\n")
        else output("@@pxp:" .. tostring(id) .. ":" .. count .. ":" .. piece .. "@@\n") end
    end
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

local function newRequest(id, op, user, text, count, args)
    return { id = id, op = op, user = user, text = text, count = count or 0, args = args or {} }
end

-- A request waiting in the host port: its length, then id, op, user, text, count, args.
local function fromPort()
    local message = pack(port.receive())
    if message.n > 0 then return newRequest(unpack(message, 2, 7)) end
end

-- The next request for this process: a CC event, or (console transport) one the main agent sent it, or one the host
-- woke it for with its armed timer.
local function nextRequest(wakeTimer)
    while true do
        local event = pack(yield())
        local request = wakeTimer and event[1] == "timer" and type(event[2]) == "table" and event[2].id == wakeTimer and fromPort()
        if request then return request end
        if event[1] == "conformance_request" then
            if type(event[2]) == "table" then return newRequest(unpack(event[2], 1, 6)) end
            return newRequest(unpack(event, 2, 7))
        elseif event[1] == "remote_event" and type(event[2]) == "table" and event[2].type == "conformance_request" then
            return event[2].data
        end
    end
end

-- The console transport is there when the kernel has a terminal whose echo can be turned off.
local console
do
    local ok, flags = rawsyscall("termctl", { echo = false })
    console = ok == true and type(flags) == "table"
end

local function nextConsoleRequest()
    while true do
        local ok, line = rawsyscall("readline")
        local body = ok and type(line) == "string" and match(line, "^pxq:(.-)\n?$")
        if body == "port" and port then
            local request = fromPort()
            if request then return request end
        elseif body then
            -- Data only; string.unpack is there for NaNs, which the host writes by their bytes (LuaLiteral).
            local fn = load("return " .. body, "=request", "t", { string = { unpack = sunpack } })
            local decoded, list = pcall(fn or error)
            if decoded and type(list) == "table" then return newRequest(unpack(list, 1, 6)) end
        elseif not ok or line == nil then
            -- No line and no wait inside the kernel: wait for any event rather than spin.
            yield()
        end
    end
end

-- The arguments of an event request that wait in the host port (AgentChannel's PortedArguments).
local PORTED = "pxq:port"

local function serve(request)
    if request.args == PORTED and port then
        local message = pack(port.receive())
        request.args = message[3] or {}
    end
    if request.op == "syscall" then
        send(request.id, rawsyscall(request.text, unpack(request.args, 1, request.count)))
    elseif request.op == "chunk" then
        local env = setmetatable({ syscall = syscall }, { __index = ENV })
        env._G = env
        local fn, err = load(request.text, "=program", "t", env)
        if not fn then return send(request.id, false, err) end
        send(request.id, pcall(fn, unpack(request.args, 1, request.count)))
    elseif request.op == "ping" then
        send(request.id, true)
    else
        send(request.id, false, "agent: unknown operation " .. tostring(request.op))
    end
end

local children = {}
send(0, true, "ready", console and "console" or "events", port and "port" or "screen")
while true do
    local request = console and nextConsoleRequest() or nextRequest()
    if request.op == "ping" then
        -- Answered here, with no process of its own: the adapter only asks to learn that the kernel has taken every
        -- event queued before the request (events are one FIFO queue).
        serve(request)
    elseif children[request.user] then
        -- With events, the user's process got the request itself; on the console, hand it over.
        if console then
            local ok, delivered = rawsyscall("sendEvent", children[request.user], "conformance_request", request)
            if not (ok and delivered) then
                children[request.user] = nil
                send(request.id, false, "agent: the process for " .. tostring(request.user) .. " is gone")
            end
        end
    else
        local ok, pid = rawsyscall("fork", function()
            local user = request.user
            local switched, why = rawsyscall("setuser", user)
            if not switched then return send(request.id, false, "agent: setuser " .. tostring(user) .. " failed: " .. tostring(why)) end
            serve(request)
            -- On the console, the host wakes this process through the port: a timer it never lets fire by itself,
            -- whose event the host queues (again) for each of this user's requests, so no line crosses the terminal.
            local wakeTimer
            if console and port then
                local armed, timer = rawsyscall("timer", 1e9)
                if armed and type(timer) == "number" then
                    wakeTimer = timer
                    port.arm(user, timer)
                end
            end
            -- Between requests the process waits in the port itself where the host can park it (park): the host then
            -- hands it the next request in the middle of the kernel's work, and the request costs the kernel one
            -- scheduler pass (the call's), not two. Otherwise, or when the host sends it back, the kernel's way.
            local park = wakeTimer and type(port.park) == "function" and port.park
            while true do
                local later = park and park(user) and fromPort() or nextRequest(wakeTimer)
                if later.user == user then serve(later) end
            end
        end, "agent:" .. tostring(request.user))
        if ok then
            children[request.user] = pid or true
        else
            send(request.id, false, "agent: fork failed: " .. tostring(pid))
        end
    end
end
