-- Clauses: MOD-SYSCALL-TABLE, FS-REGISTER
-- Compat: PX-MOD-EXPECT, PX-MOD-SYSLOG, PX-MOD-KERNEL-GLOBALS, PX-MOD-API-ERRORS
-- Mirrors: Phoenix kernel.lua, 00-init (syscall dispatch, expect), 20-syslog, 35-process (processes, KERNEL)
-- Kernel core glue (chunk name "=kernel", so positions read "kernel:N:" and are stripped from syscall errors as
-- Phoenix does, facts §1.3). Runs once per boot with:
--   env    the kernel-space environment: the _G that modules see
--   host   C# primitives (log, prepareModule, normalize, tmpfs, peripheralCall, ...), never visible to modules
--   kernel internals shared by the kernel scripts, never visible to modules
local env, host, kernel = ...

local type, select, error, pairs, tostring, xpcall = type, select, error, pairs, tostring, xpcall
local concat, pack, unpack = table.concat, table.pack, table.unpack
local traceback, gsub, format = env.debug.traceback, string.gsub, string.format

-- expect(index, value, types...): Phoenix's argument checker (facts §1.5). Raised without position, so the first
-- line reads exactly "bad argument #N (expected T, got U)".
local function expect(index, value, ...)
    local actual = type(value)
    local n = select("#", ...)
    for i = 1, n do
        if select(i, ...) == actual then return value end
    end
    local types = pack(...)
    local expected
    if n <= 1 then
        expected = tostring(types[1])
    elseif n == 2 then
        expected = types[1] .. " or " .. types[2]
    else
        expected = concat(types, ", ", 1, n - 1) .. ", or " .. types[n]
    end
    error(format("bad argument #%d (expected %s, got %s)", index, expected, actual), 0)
end

-- syslog.log(options?, ...) never throws (facts §8). Levels by name or number.
local LEVELS = { debug = 0, info = 1, notice = 2, warning = 3, error = 4, critical = 5, panic = 6 }
local syslog = {}
function syslog.log(options, ...)
    local parts
    if type(options) == "table" then
        parts = pack(...)
    else
        parts = pack(options, ...)
        options = {}
    end
    local text = {}
    for i = 1, parts.n do text[i] = tostring(parts[i]) end
    local level = options.level
    if type(level) == "string" then level = LEVELS[level] end
    if type(level) ~= "number" then level = 1 end
    local module, category = options.module, options.category
    if module ~= nil then module = tostring(module) end
    if category ~= nil then category = tostring(category) end
    xpcall(host.log, function() end, level, concat(text, " "), module, category)
end
for name, level in pairs(LEVELS) do
    syslog[name] = function(...)
        local first = ...
        if type(first) == "table" then
            first.level = level
            return syslog.log(first, select(2, ...))
        end
        return syslog.log({ level = level }, ...)
    end
end

-- Processes (facts §7). KERNEL has no threads table; user processes have a main thread with id 0.
local processes = {}
local KERNEL = { name = "kernel", id = 0, user = "root", dir = "/", root = "/", env = env, vars = {}, dependents = {} }
processes[0] = KERNEL

-- Process and thread tables are kernel data: user code only ever gets copies of them (usermode.lua, kernel.toUser).
local handles = setmetatable({}, { __mode = "k" })
kernel.handles = handles
handles[KERNEL] = true
local nextPid = 1

-- A user process's environment: the sandbox's base library and the syscall library, no kernel globals (facts §7).
function kernel.newUserEnv()
    local userEnv = host.newUserEnv()
    userEnv.syscall = kernel.syscallLibrary()
    return userEnv
end

function kernel.newProcess(user, name)
    local pid = nextPid
    nextPid = nextPid + 1
    local process = {
        id = pid, name = name or "conformance", user = user, realuser = user, parent = 0, dir = "/", root = "/",
        env = kernel.newUserEnv(), vars = {}, cputime = 0, systime = 0, dependents = {}, eventQueue = {},
        signalHandlers = {}, threads = {}, nice = 0, quantum = 0, paused = false, isDead = false,
    }
    local thread = { id = 0, name = "<main thread>", status = "starting", args = {}, coroStack = {}, paused = false }
    process.threads[0] = thread
    processes[pid] = process
    handles[process], handles[thread] = true, true
    return process, thread
end

-- Syscall dispatch (facts §1): look the name up in the writable syscalls table, run it protected, strip
-- "kernel:N: " from string errors, which keep their traceback after a newline.
local syscalls = {}

local function withTraceback(e)
    if type(e) == "string" then return traceback(e, 2) end
    return e
end

local function finish(ok, ...)
    if ok then return true, ... end
    local e = ...
    if type(e) == "string" then e = gsub(e, "kernel:%d+: ", "") end
    return false, e
end

function kernel.dispatch(process, thread, name, ...)
    local fn = syscalls[name]
    if fn == nil then return false, "No such syscall" end
    return finish(xpcall(fn, withTraceback, process, thread, ...))
end

function syscalls.getpid(process) return process.id end
function syscalls.getuser(process) return process.user end
function syscalls.version() return host.version end

kernel.expect = expect
kernel.syslog = syslog
kernel.syscalls = syscalls
kernel.processes = processes
kernel.KERNEL = KERNEL

-- Kernel globals modules see (facts §8); the other scripts add modules, mounts, drivers and userModeCallback.
env.expect = expect
env.syslog = syslog
env.syscalls = syscalls
env.processes = processes
env.KERNEL = KERNEL
env.filesystems = {}
env.PHOENIX_VERSION = host.version
