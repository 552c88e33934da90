-- Engine internals, run once per state with the real global table. Nothing here is reachable from sandboxed code:
-- environments get copies of library tables, and the functions below live only in the registry.
local G, patterns = ...
local select, error, type, load, pairs, ipairs = select, error, type, load, pairs, ipairs
local getmetatable, setmetatable, collectgarbage, xpcall, rawget, rawequal = getmetatable, setmetatable, collectgarbage, xpcall, rawget, rawequal
local traceback, sethook = debug.traceback, debug.sethook
local floor, os_date, string_sub = math.floor, os.date, string.sub

local internal = {}

local function copy(t, except)
    local c = {}
    for k, v in pairs(t) do
        if not (except and except[k]) then c[k] = v end
    end
    return c
end

-- string.dump makes binary chunks, which no environment may load anyway; it is left out everywhere.
local safeString = copy(G.string, { dump = true })

-- Strings share one metatable across the whole state. Point its __index at a private copy and hide the metatable,
-- so code in one environment cannot redefine string methods that kernel code calls with s:method().
local smt = getmetatable("")
smt.__index = copy(safeString)
smt.__metatable = false

-- Registered C# functions return (true, results...) or (false, message, level); this turns the second form into a
-- Lua error, so no error is ever raised from inside a C# frame (see LuaEngine.Callbacks.cs).
local function finish(ok, ...)
    if ok then return ... end
    local message, level = ...
    error(message, level)
end

function internal.wrap(raw)
    return function(...) return finish(raw(...)) end
end

-- Message handler for protected calls: keeps the error value as it is and remembers the traceback.
local lastTraceback
function internal.handler(e)
    lastTraceback = string_sub(traceback("", 2), 2)
    return e
end

function internal.takeTraceback()
    local t = lastTraceback
    lastTraceback = nil
    return t
end

-- Budget trip: installed from the native count hook on the running thread. It replaces that hook with one that
-- raises at every instruction, so the code unwinds through Lua and C frames only, even past a pcall that catches it.
local budgetMessage = "instruction budget exceeded"
local function abort() error(budgetMessage, 0) end
function internal.trip(message)
    budgetMessage = message
    sethook(abort, "", 1)
end

-- Soft budget (LuaEngineOptions.SoftInstructionBudget): one ordinary error at the next instruction of the thread that
-- ran past it, which a pcall can catch; `restore` (C#, set once) gives that thread the native budget hook back first,
-- so the budget goes on counting.
local softRestore = function() end
function internal.setSoftRestore(restore) softRestore = restore end
function internal.softTrip(message)
    sethook(function()
        sethook()
        softRestore()
        error(message, 0)
    end, "", 1)
end

-- A new thread starts its own hook countdown, so up to one hook interval of its work is never counted. The engine
-- registers `charge` (C#), which bills that interval to the budget when a thread is created; without it, spreading
-- work over many short coroutines would run far past the budget. charge(n) bills n instructions of other native
-- work (a full garbage collection). Creations are billed in batches of CREATE_BATCH: a C# round trip per creation
-- cost more than the creation itself. The count lags by less than a batch (CREATE_BATCH hook intervals), which is
-- billed with the next batch or the next collection, never dropped.
local CREATE_BATCH = 16
local created = 0
local bill = function() end
local charge = function() end
local function chargeCreation()
    created = created + 1
    if created >= CREATE_BATCH then charge() end
end
function internal.setCharge(billing)
    bill = billing
    -- billing(n, k) bills n instructions and k creations; it returns the budget message once the budget is spent,
    -- and the trip then aborts the caller right here.
    charge = function(instructions)
        local k = created
        created = 0
        local over = bill(instructions or 0, k)
        if over then internal.trip(over) end
    end
end

local co_create, co_resume, co_close, co_status = coroutine.create, coroutine.resume, coroutine.close, coroutine.status
local pack, unpack = table.pack, table.unpack

-- Coroutines killed by the budget abort died inside a hook, with hooks off on their thread: closing them would run
-- their __close handlers outside the budget. They are never closed. Such a thread keeps the abort hook the trip
-- installed on it (the engine gives the count hook back to the main thread only), which is how close knows it; so
-- resume needs no wrapper. A coroutine that died of a budget error raised in Lua (re-raised by a resumer, say) died
-- with hooks on, and its handlers run under the count hook, which trips them too.
local d_gethook = debug.gethook
local function killed(co)
    return d_gethook(co) == abort
end

-- Host yields (LuaEngineOptions.HostYields): host code yields from any depth of guest coroutines straight to the
-- C# resumer of the outermost one, with internal.hostYield(...). HOST marks such a yield; it never reaches guest code:
-- every guest resume (coroutine.resume, coroutine.wrap) that sees it yields it on to its own resumer, and resumes the
-- coroutine below with what comes back. Where its resumer cannot yield (a C call boundary), the host yield returns
-- nothing at once.
local HOST = {}
local hostYields = false
local co_yield, co_isyieldable = coroutine.yield, coroutine.isyieldable
local function hostPass(_, ...)
    if co_isyieldable() then return co_yield(HOST, ...) end
end
function internal.hostYield(...)
    if hostYields and co_isyieldable() then return co_yield(HOST, ...) end
end
function internal.enableHostYields()
    hostYields = true
    return HOST
end

local function wrapped(co, ok, ...)
    if ok then
        if hostYields and rawequal((...), HOST) then return wrapped(co, co_resume(co, hostPass(...))) end
        return ...
    end
    local e = ...
    if e == budgetMessage then
        error(e, 0)
    elseif co_status(co) == "dead" and not killed(co) then
        co_close(co)
    end
    if type(e) == "string" then error(e, 2) end
    error(e, 0)
end

-- Yielding count hooks (LuaEngineOptions.YieldingCountHooks): the guest's hook function per coroutine, and the
-- natives that count for it (hookRegister(co, count), hookClear(co)) and say whether a coroutine's last yield was the
-- native hook's (hookYielded(co)).
local countHooks = setmetatable({}, { __mode = "k" })
local hookRegister, hookClear, hookYielded
function internal.setPreemption(register, clear, yielded)
    hookRegister, hookClear, hookYielded = register, clear, yielded
end

-- After the native hook yielded `co`: what the guest's hook function would have yielded, got by running it in a
-- coroutine of its own (Phoenix's yields "preempt"); nothing when it does not yield.
local function hookValues(co)
    local entry = countHooks[co]
    if not entry then return nil end
    local runner = co_create(entry.f)
    local r = pack(co_resume(runner, "count"))
    if r[1] and co_status(runner) == "suspended" and not rawequal(r[2], HOST) then return r end
    return nil
end

local function sandboxCoroutine()
    local lib = copy(G.coroutine)
    lib.create = function(f)
        chargeCreation()
        return co_create(f)
    end
    -- With yielding count hooks (preemption), resume hides the native hook's yields from the resumer: it resumes
    -- again, or returns what the guest's own hook function yields. With host yields, it passes them on (HOST above).
    -- Without either, resume is the real one, unwrapped.
    if hookYielded or hostYields then
        lib.resume = function(co, ...)
            local result = pack(co_resume(co, ...))
            while result[1] do
                if result.n == 1 and hookYielded and hookYielded(co) then
                    local values = hookValues(co)
                    if values then return true, unpack(values, 2, values.n) end
                    result = pack(co_resume(co))
                elseif hostYields and rawequal(result[2], HOST) then
                    result = pack(co_resume(co, hostPass(unpack(result, 2, result.n))))
                else
                    break
                end
            end
            return unpack(result, 1, result.n)
        end
    end
    lib.close = function(co)
        if type(co) == "thread" and killed(co) then return false, budgetMessage end
        return co_close(co)
    end
    -- coroutine.wrap closes its coroutine on error; this one does the same except after a budget abort. Results pass
    -- through varargs, never packed into a table.
    lib.wrap = function(f)
        local co = lib.create(f)
        return function(...)
            return wrapped(co, co_resume(co, ...))
        end
    end
    return lib
end

-- C functions run outside the instruction count; these two can loop for ever on degenerate arguments.
-- Pattern functions: the native ones while a bound on their work is small, else the metered Lua matcher
-- (patterns.lua bound(), which also checks arguments and places errors as the native functions do).
local NATIVE_WORK = 1e8
function internal.setNativePatternWork(n) NATIVE_WORK = n end
local function nativePatternWork() return NATIVE_WORK end

local function sandboxString()
    local lib = patterns.bound(copy(safeString), nativePatternWork)
    local rep = safeString.rep
    lib.rep = function(s, n, sep)
        if type(s) == "string" and #s == 0 and (sep == nil or (type(sep) == "string" and #sep == 0)) then
            if type(n) ~= "number" then return rep(s, n, sep) end
            return ""
        end
        return rep(s, n, sep)
    end
    return lib
end

-- Method calls on strings ("x"):rep(n) go through the shared string metatable: give it the bounded rep as well.
smt.__index = sandboxString()

local MAX_MOVE = 1 << 24
local function sandboxTable()
    local lib = copy(G.table)
    local move = G.table.move
    lib.move = function(a1, f, e, t, a2)
        if type(f) == "number" and type(e) == "number" and e - f >= MAX_MOVE then
            error("table.move: range of more than " .. MAX_MOVE .. " elements", 2)
        end
        return move(a1, f, e, t, a2)
    end
    return lib
end

-- Finalizers run with hooks off, outside the instruction budget, even at Dispose: a looping __gc would hang the host.
-- Lua only finalizes tables whose metatable had __gc when it was set, so both setmetatables refuse it (the error is
-- raised at their caller).
local function refuseFinalizer(mt)
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("__gc metamethods are not available: finalizers would run outside the instruction budget", 3)
    end
end

-- The introspection debug library, for a state that belongs to one guest (a CraftOS computer booting a kernel that
-- rebuilds getfenv/setfenv from upvalues and swaps type metatables per process, as Phoenix does). Functions of the
-- engine and of host chunks stay sealed: their upvalues and locals hold the real load (binary chunks), xpcall,
-- setmetatable, sethook and the budget message. C functions are sealed too: the upvalue of a registered C# function
-- is the index of its callback. The debug hook belongs to the instruction budget, so sethook is refused.
local d_getinfo, d_getlocal, d_setlocal = debug.getinfo, debug.getlocal, debug.setlocal
local d_getupvalue, d_setupvalue, d_upvalueid, d_upvaluejoin = debug.getupvalue, debug.setupvalue, debug.upvalueid, debug.upvaluejoin
local d_getmetatable, d_setmetatable = debug.getmetatable, debug.setmetatable
local co_running = coroutine.running

local function sealedInfo(info)
    if info.what == "C" then return true end
    local source = info.source
    return source == "=[engine]" or string_sub(source, 1, 6) == "=[host"
end

local function sealed(f)
    return type(f) ~= "function" or sealedInfo(d_getinfo(f, "S"))
end

local function protectedError(what)
    error("cannot " .. what .. ": the function belongs to the host", 3)
end

-- Splits the optional thread argument off. A level on the running thread is shifted by one: the caller asks from its
-- own frame, and the library function in between is one more frame (a wrapper calls the real function directly,
-- never as a tail call, so the count holds).
local function frame(...)
    local first = ...
    if type(first) == "thread" then
        local thread, level = first, select(2, ...)
        if thread == co_running() and type(level) == "number" then level = level + 1 end
        return thread, level, select(3, ...)
    end
    local level = first
    if type(level) == "number" then level = level + 1 end
    return co_running(), level, select(2, ...)
end

-- Called from a library function with that function's level: on the running thread this is one frame deeper.
local function sealedFrame(thread, level)
    if type(level) == "function" then return sealed(level) end
    if thread == co_running() then level = level + 1 end
    local info = d_getinfo(thread, level, "S")
    return info ~= nil and sealedInfo(info)
end

local function introspectionDebug()
    local lib = { traceback = traceback }
    lib.getinfo = function(...)
        local thread, target, what = frame(...)
        local info = d_getinfo(thread, target, what or "flnSrtu")
        return info
    end
    lib.getlocal = function(...)
        local thread, level, n = frame(...)
        if type(level) == "number" and d_getinfo(thread, level, "S") == nil then error("bad argument #1 (level out of range)", 2) end
        if sealedFrame(thread, level) then return nil end
        local name, value
        if type(level) == "function" then name, value = d_getlocal(level, n)
        else name, value = d_getlocal(thread, level, n) end
        return name, value
    end
    lib.setlocal = function(...)
        local thread, level, n, value = frame(...)
        if type(level) ~= "number" then error("bad argument #1 (number expected, got " .. type(level) .. ")", 2) end
        if d_getinfo(thread, level, "S") == nil then error("bad argument #1 (level out of range)", 2) end
        if sealedFrame(thread, level) then protectedError("set a local") end
        local name = d_setlocal(thread, level, n, value)
        return name
    end
    lib.getupvalue = function(f, n)
        if sealed(f) then return nil end
        return d_getupvalue(f, n)
    end
    lib.setupvalue = function(f, n, value)
        if sealed(f) then protectedError("set an upvalue") end
        return d_setupvalue(f, n, value)
    end
    lib.upvalueid = function(f, n)
        if sealed(f) then return nil end
        return d_upvalueid(f, n)
    end
    lib.upvaluejoin = function(f1, n1, f2, n2)
        if sealed(f1) or sealed(f2) then protectedError("join upvalues") end
        return d_upvaluejoin(f1, n1, f2, n2)
    end
    lib.getmetatable = d_getmetatable
    lib.setmetatable = function(value, mt)
        refuseFinalizer(mt)
        return d_setmetatable(value, mt)
    end
    lib.gethook = function(co)
        local entry = countHooks[co or coroutine.running()]
        if entry then return entry.f, entry.mask, entry.count end
        return nil
    end
    lib.sethook = function(...)
        if not hookRegister then
            error("debug.sethook is not available: the host's instruction budget owns the debug hook", 2)
        end
        local co, f, mask, count
        if type((...)) == "thread" then co, f, mask, count = ...
        else co = coroutine.running() f, mask, count = ... end
        -- Only counts: the native hook yields on the guest's behalf every `count` instructions (call, return and
        -- line events are not delivered).
        if type(f) ~= "function" or type(count) ~= "number" or count < 1 then
            countHooks[co] = nil
            hookClear(co)
            return
        end
        countHooks[co] = { f = f, mask = mask, count = count }
        hookRegister(co, count)
    end
    return lib
end

local BASE = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget", "rawlen",
    "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall",
}

-- The allow-list every environment starts from (documented in Sandbox/README.md). `binary` is the trusted-guest
-- opt-in (LuaEngineOptions.TrustedBinaryChunks): string.dump, and load of binary chunks. Lua 5.4 does not verify
-- bytecode, so a crafted chunk can crash or take over the host process: only for code the user trusts as much as
-- the host itself.
function internal.makeEnv(introspection, binary)
    local env = {}
    for _, name in ipairs(BASE) do env[name] = G[name] end
    env._VERSION = G._VERSION
    env.string = sandboxString()
    env.table = sandboxTable()
    env.math = copy(G.math)
    env.utf8 = copy(G.utf8)
    env.coroutine = sandboxCoroutine()
    env.os = {
        clock = os.clock, time = os.time, difftime = os.difftime,
        -- Phoenix passes fractional times (facts: craftos-host-notes 3.3); native os.date rejects them.
        date = function(format, time)
            if type(time) == "number" then time = floor(time) end
            return os_date(format, time)
        end,
    }
    env.debug = introspection and introspectionDebug() or { traceback = traceback }
    env.collectgarbage = function(option, ...)
        if option == nil or option == "collect" or option == "step" then
            -- A collection (a step may finish a whole cycle) walks the heap in C, unseen by the count hook: billed
            -- about one instruction per 32 bytes (KB * 32), so a loop of them ends with the budget, not minutes later.
            charge(floor(collectgarbage("count") * 32))
            return collectgarbage(option, ...)
        end
        if option == "count" then return collectgarbage(option) end
        error("collectgarbage option '" .. tostring(option) .. "' is not available", 2)
    end
    -- Text chunks only; without an explicit environment a chunk gets this environment, never the real globals.
    env.load = function(...)
        local chunk, name, mode, chunkEnv = ...
        if select("#", ...) < 4 then chunkEnv = env end
        return load(chunk, name, binary and (mode or "bt") or "t", chunkEnv)
    end
    if binary then env.string.dump = G.string.dump end
    env.setmetatable = function(t, mt)
        refuseFinalizer(mt)
        return setmetatable(t, mt)
    end
    -- A budget abort is raised from inside a hook, so Lua would run the message handler with hooks off, outside
    -- the budget. The handler is skipped for that one error; the abort goes on unwinding.
    -- The guard for the last handler is kept, so a loop calling xpcall with the same handler allocates nothing.
    local lastHandler, lastGuard
    env.xpcall = function(f, handler, ...)
        if handler ~= lastHandler or lastGuard == nil then
            local h = handler
            lastHandler, lastGuard = h, function(e)
                if e == budgetMessage then return e end
                return h(e)
            end
        end
        return xpcall(f, lastGuard, ...)
    end
    env._G = env
    return env
end

return internal
