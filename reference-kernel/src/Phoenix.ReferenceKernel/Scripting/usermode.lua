-- Clauses: MOD-USER-CALLBACK, MOD-CALL-ARGS, ADV-USER-HANDLE-COPIES, ADV-USER-FOREIGN-METAMETHODS
-- Compat: PX-USER-ENVIRONMENT, PX-USER-CALLBACK-FIRST-VALUE, PX-USER-CALLBACK-THREAD-NAME, PX-USER-CALLBACK-AT-BOOT,
-- Compat: PX-USER-CALLBACK-ARGS, PX-USER-CALLBACK-ERROR-LOGGED, PX-MOD-API-YIELD
-- Mirrors: Phoenix 00-init (userModeCallback) and 35-process (threads, the scheduler)
-- User mode: programs run as threads of a user's process, a scheduler serves their syscalls, and modules get
-- userModeCallback (page: "always use the userModeCallback function to call functions passed across the
-- user-kernel boundary"; facts §1, §6, §7; Phoenix parts 00-init, 35-process).
local env, host, kernel = ...

local type, error, select, tostring, pairs, setmetatable = type, error, select, tostring, pairs, setmetatable
local next, rawequal, getmetatable = next, rawequal, getmetatable
local pack, unpack = table.pack, table.unpack
local create, resume, status, yield = coroutine.create, coroutine.resume, coroutine.status, coroutine.yield

-- A thread that keeps running after this many syscalls and yields is stopped; the budget stops pure computation.
local MAX_STEPS = 100000

-- The syscall library every user environment gets: syscall(name, ...) and syscall.name(...). A syscall is a yield of
-- ("syscall", name, args...), resumed with (true, results...) or (false, message) (facts §1.1).
function kernel.syscallLibrary()
    local function call(name, ...)
        local result = pack(yield("syscall", name, ...))
        if result[1] then return unpack(result, 2, result.n) end
        error(result[2], 2)
    end
    return setmetatable({}, {
        __call = function(_, name, ...) return call(name, ...) end,
        __index = function(_, name) return function(...) return call(name, ...) end end,
    })
end

-- What user code may hold of a kernel process or thread table: a copy of its plain fields (id, name, user, ...), so
-- changing it changes nothing in the kernel and it leads to no kernel data (env, threads, coroutines).
local function userCopy(handle)
    local copy = {}
    for key, value in pairs(handle) do
        local kind = type(value)
        if kind == "string" or kind == "number" or kind == "boolean" then copy[key] = value end
    end
    return copy
end

-- Values crossing from kernel code to user code (syscall results, callback arguments): kernel handles, also inside
-- tables, become copies; tables without handles are passed as they are (file handles keep working).
local function toUser(value, seen)
    if type(value) ~= "table" then return value end
    if kernel.handles[value] then return userCopy(value) end
    seen = seen or {}
    if seen[value] then return seen[value] end
    seen[value] = value
    local replaced
    for key, entry in pairs(value) do
        local safe = toUser(entry, seen)
        if safe ~= entry then
            replaced = replaced or {}
            replaced[key] = safe
        end
    end
    if not replaced then return value end
    local copy = {}
    for key, entry in pairs(value) do copy[key] = replaced[key] or entry end
    seen[value] = copy
    return copy
end

function kernel.toUser(...)
    local values = pack(...)
    for i = 1, values.n do values[i] = toUser(values[i]) end
    return unpack(values, 1, values.n)
end

-- Values crossing from user code into the kernel (syscall arguments, callmodule's included): a table that carries a
-- metatable, also inside another table, arrives as a plain copy without it, so code one user attached to a value
-- never runs when a module or another user touches it (ADV-USER-FOREIGN-METAMETHODS). Tables without metatables
-- and functions pass as they are (callbacks stay callable). Raw reads only: no metamethod runs while checking.
local function fromUser(value, seen)
    if type(value) ~= "table" then return value end
    if seen[value] ~= nil then return seen[value] end
    seen[value] = value
    local changed = getmetatable(value) ~= nil
    for key, entry in next, value do
        if not rawequal(fromUser(key, seen), key) or not rawequal(fromUser(entry, seen), entry) then changed = true end
    end
    if not changed then return value end
    local copy = {}
    seen[value] = copy
    for key, entry in next, value do copy[fromUser(key, seen)] = fromUser(entry, seen) end
    return copy
end

function kernel.fromUser(...)
    local values = pack(...)
    local seen = {}
    for i = 1, values.n do values[i] = fromUser(values[i], seen) end
    return unpack(values, 1, values.n)
end

-- Runs a syscall for a thread in a coroutine of its own, so module code reached from it may yield (facts §1.6).
-- Plain yields inside it are resumed at once: nothing else is waiting to run in this kernel.
function kernel.serveSyscall(process, thread, name, ...)
    local co = create(kernel.dispatch)
    local result = pack(resume(co, process, thread, name, kernel.fromUser(...)))
    local steps = 0
    while result[1] and status(co) ~= "dead" do
        steps = steps + 1
        if steps > MAX_STEPS then return false, "syscall " .. tostring(name) .. " did not finish" end
        result = pack(resume(co))
    end
    if not result[1] then return false, result[2] end
    return kernel.toUser(unpack(result, 2, result.n))
end

-- The scheduler: runs fn as `thread` of `process` until it finishes, serving its syscalls. Returns true and the
-- results, or false and the error. The thread's status follows Phoenix's names (facts §7).
function kernel.runThread(process, thread, fn, ...)
    local co = create(fn)
    thread.coro, thread.status = co, "running"
    local input = pack(...)
    for _ = 1, MAX_STEPS do
        local result = pack(resume(co, unpack(input, 1, input.n)))
        if not result[1] then
            -- A dead thread's coroutine is dropped: its stack may hold all the memory a failed program took.
            thread.status, thread.did_error, thread.coro = "dead", true, nil
            return false, result[2]
        end
        if status(co) == "dead" then
            thread.status, thread.coro = "dead", nil
            return true, unpack(result, 2, result.n)
        end
        if result[2] == "syscall" then
            thread.status = "syscall"
            input = pack(kernel.serveSyscall(process, thread, result[3], unpack(result, 4, result.n)))
            thread.status = "running"
        else
            input = pack()
        end
    end
    thread.status, thread.did_error, thread.coro = "dead", true, nil
    return false, "thread " .. tostring(thread.id) .. " ran " .. MAX_STEPS .. " steps without finishing"
end

function kernel.newThread(process, name)
    local id = #process.threads + 1
    local thread = { id = id, name = name or ("<thread:" .. id .. ">"), status = "starting", args = {}, coroStack = {}, paused = false }
    process.threads[id] = thread
    kernel.handles[thread] = true
    return thread
end

-- Entry point for the host: runs a user program (a chunk already bound to process.env) as a new thread.
function kernel.runProgram(process, chunk, ...)
    return kernel.runThread(process, kernel.newThread(process), chunk, ...)
end

-- userModeCallback(process, func, ...): func runs as a new thread of process, with that process's privileges and
-- its syscalls served as that process; returns ok and only the first result, or false and the error; never throws
-- for a failing callback (facts §6).
function kernel.userModeCallback(process, func, ...)
    if kernel.booting then error("userModeCallback not called from a yieldable context", 2) end
    if type(process) ~= "table" or type(process.threads) ~= "table" then
        error("bad argument #1 (expected a user process)", 2)
    end
    kernel.expect(2, func, "function")
    local thread = kernel.newThread(process, "<user mode callback>")
    local result = pack(kernel.runThread(process, thread, func, kernel.toUser(...)))
    if not result[1] then
        kernel.syslog.log({ level = "error", category = "Application Error" }, "User mode callback failed:", tostring(result[2]))
        return false, result[2]
    end
    return true, result[2]
end

env.userModeCallback = function(...) return kernel.userModeCallback(...) end
