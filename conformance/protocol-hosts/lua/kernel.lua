-- Pebble: the small kernel the Lua protocol host serves, written for Phoenix.Conformance. Each boot is a kernel of
-- its own: an in-memory filesystem built from the boot image (owners and permissions as Phoenix's stat model), a
-- global environment of its own that its modules share (processes, modules, syscalls, filesystems, syslog,
-- expect, userModeCallback), modules loaded from /lib/modules at boot, and the module syscalls (loadmodule,
-- unloadmodule, callmodule, listmodules) the way Phoenix 0.0.9 serves them, after fixtures/kernels/tiny; filesystems
-- (mount, unmount, mountlist, overlays, combine, and the filesystem syscalls dispatched to mount objects, with the
-- root and the built-in tmpfs served by memfs.lua). It has no device tree or drivers (README.md lists what fails).

local kernel = {}
local memfs = require("memfs")

local VERSION = "0.1.0"
local pack, unpack, concat, insert, sort = table.pack, table.unpack, table.concat, table.insert, table.sort
local format, gsub, match, gmatch = string.format, string.gsub, string.match, string.gmatch
local create, resume, status, yield = coroutine.create, coroutine.resume, coroutine.status, coroutine.yield

-- Every adapter operation (a boot, a syscall, a user chunk) may run at most BUDGET instructions, counted across the
-- coroutines it resumes, so a runaway module or program ends as a failed result instead of silencing the host.
local BUDGET_STEP, BUDGET_STEPS = 1000000, 200
local used = 0
local function hook()
    used = used + 1
    if used > BUDGET_STEPS then error("Pebble: instruction budget exhausted", 0) end
end
local function guard(co)
    if co then debug.sethook(co, hook, "", BUDGET_STEP) else debug.sethook(hook, "", BUDGET_STEP) end
    return co
end
local function budgeted(fn, ...)
    used = 0
    guard()
    local result = pack(pcall(fn, ...))
    debug.sethook()
    if not result[1] then error(result[2], 0) end
    return unpack(result, 2, result.n)
end

local LEVELS = { debug = 0, info = 1, notice = 2, warning = 3, error = 4, critical = 5, panic = 6 }
local SAFE = { "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget", "rawlen",
    "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION" }

local function copy(t)
    local c = {}
    for k, v in pairs(t) do c[k] = v end
    return c
end

--- Normalises a path as ComputerCraft's fs.combine does: "/" and "\\" separate, control characters and "<>:?|
--- are dropped, parts are trimmed, "." and runs of three or more dots vanish, ".." climbs (kept at the top), parts
--- are cut at 255 bytes. The result is absolute ("/" for the root).
local function normalise(path)
    local parts = {}
    for raw in gmatch((gsub(path, "\\", "/")), "[^/]+") do
        local part = gsub(raw, '[%c":<>?|]', ""):match("^%s*(.-)%s*$")
        if part == ".." then
            if #parts > 0 and parts[#parts] ~= ".." then parts[#parts] = nil else parts[#parts + 1] = part end
        elseif part ~= "" and part ~= "." and not (#part >= 3 and part:match("^%.+$")) then
            parts[#parts + 1] = part:sub(1, 255)
        end
    end
    return "/" .. concat(parts, "/")
end

local function parent(path)
    return match(path, "^(.*)/[^/]*$") == "" and "/" or match(path, "^(.*)/[^/]*$")
end

local function bits(text)
    return { read = text:sub(1, 1) == "r", write = text:sub(2, 2) == "w", execute = text:sub(3, 3) == "x", setuser = false }
end

--- Boots a kernel from a decoded boot image (plain Lua tables, see host.lua). Returns the kernel object.
function kernel.boot(image)
    local K = { syslog = {}, users = {} }
    local files = {}
    files["/"] = { dir = true, owner = "root", permissions = { root = bits("rwx") }, world = bits("r-x") }
    local function implyParents(path)
        local p = parent(path)
        if files[p] then return end
        implyParents(p)
        files[p] = { dir = true, owner = "root", permissions = { root = bits("rwx") }, world = bits("r-x") }
    end
    for _, entry in ipairs(image.entries) do
        local path = normalise(entry.path)
        implyParents(path)
        local permissions = {}
        for user, text in pairs(entry.permissions) do permissions[user] = bits(text) end
        files[path] = { dir = entry.content == nil, content = entry.content, owner = entry.owner,
            permissions = permissions, world = bits(entry.world) }
    end

    -- The kernel's globals, shared by its modules; library tables are copies, so a module that changes one changes
    -- only its own kernel.
    local G = {}
    for _, key in ipairs(SAFE) do G[key] = _G[key] end
    for _, lib in ipairs({ "string", "table", "math", "utf8", "coroutine" }) do G[lib] = copy(_G[lib]) end
    G.coroutine.create = function(fn) return guard(create(fn)) end
    G.coroutine.wrap = function(fn)
        local co = guard(create(fn))
        return function(...)
            local r = pack(resume(co, ...))
            if not r[1] then error(r[2], 0) end
            return unpack(r, 2, r.n)
        end
    end
    G.os = { time = os.time, clock = os.clock, date = os.date }
    G.debug = { traceback = debug.traceback, getinfo = debug.getinfo }
    G.load = function(chunk, name, mode, env)
        if env == nil then env = G end
        return load(chunk, name, "t", env)
    end
    G._G = G
    G.processes = { [0] = { id = 0, name = "kernel", user = "root", dir = "/", root = "/", env = G, vars = {}, dependents = {}, threads = {} } }
    G.KERNEL = G.processes[0]
    G.modules = {}
    G.syscalls = {}
    G.filesystems = {}
    G.PHOENIX_VERSION = VERSION
    local syscalls = G.syscalls

    function G.expect(index, value, ...)
        local t = type(value)
        local n = select("#", ...)
        for i = 1, n do if select(i, ...) == t then return value end end
        local types = { ... }
        local list = n < 3 and concat(types, " or ") or concat(types, ", ", 1, n - 1) .. ", or " .. types[n]
        error(format("bad argument #%d (expected %s, got %s)", index, list, t), 3)
    end
    local expect = G.expect

    -- Syslog: kept in memory, read by readSyslog.
    G.syslog = {}
    function G.syslog.log(options, ...)
        local parts = pack(...)
        if type(options) ~= "table" then
            insert(parts, 1, options)
            parts.n = parts.n + 1
            options = {}
        end
        for i = 1, parts.n do parts[i] = tostring(parts[i]) end
        local level = options.level
        if type(level) == "string" then level = LEVELS[level] end
        level = math.tointeger(tonumber(level)) or 1
        if level < 0 or level > 6 then level = 1 end
        K.syslog[#K.syslog + 1] = { level = level, message = concat(parts, " ", 1, parts.n),
            module = options.module ~= nil and tostring(options.module) or nil,
            category = options.category ~= nil and tostring(options.category) or nil }
    end
    function G.syslog.debug(...) return G.syslog.log({ level = 0 }, ...) end
    local syslog = G.syslog

    local function stat(path)
        local node = files[path]
        if not node then return nil end
        local permissions = {}
        for user, b in pairs(node.permissions) do permissions[user] = copy(b) end
        return { type = node.dir and "directory" or "file", size = node.dir and 0 or #node.content, owner = node.owner,
            permissions = permissions, worldPermissions = copy(node.world), setuser = node.world.setuser or false }
    end


    local current -- { process, thread } while a syscall runs: userModeCallback needs one
    local function handler(e)
        if type(e) ~= "string" then return e end
        -- Phoenix strips the position of errors raised in code named "kernel" (facts: PX-MOD-API-ERRORS).
        return (gsub(e .. "\n" .. debug.traceback("", 2):sub(2), "kernel:%d+: ", ""))
    end

    -- Process and thread tables are kernel data: user code gets copies of their plain fields.
    local handles = setmetatable({}, { __mode = "k" })
    local function userView(...)
        local values = pack(...)
        for i = 1, values.n do
            local v = values[i]
            if type(v) == "table" and handles[v] then
                local c = {}
                for k, field in pairs(v) do
                    if type(field) ~= "table" and type(field) ~= "function" and type(field) ~= "thread" then c[k] = field end
                end
                values[i] = c
            end
        end
        return unpack(values, 1, values.n)
    end

    local function dispatch(process, thread, name, ...)
        local fn = type(name) == "string" and syscalls[name]
        if type(fn) ~= "function" then return false, "No such syscall" end
        local saved = current
        current = { process = process, thread = thread }
        -- A syscall runs in a coroutine of its own (Phoenix since 0.0.5): a function that yields, as one waiting
        -- for an event does, is resumed until it returns (there are no events here, so it gets none).
        local co = guard(create(function(...) return xpcall(fn, handler, process, thread, ...) end))
        local result = pack(resume(co, ...))
        local waits = 0
        while result[1] and status(co) ~= "dead" and waits < 10000 do
            waits = waits + 1
            result = pack(resume(co))
        end
        current = saved
        if not result[1] then return false, result[2] end
        if status(co) ~= "dead" then return false, "the syscall waits for an event that never comes" end
        return unpack(result, 2, result.n)
    end

    function syscalls.getpid(process) return process.id end
    function syscalls.getuser(process) return process.user end
    function syscalls.version() return VERSION end
    function syscalls.kernargs() return copy(image.kernelArguments) end
    function syscalls.setuser(process, thread, user)
        expect(1, user, "string")
        if process.user ~= "root" then error("Permission denied", 2) end
        process.user = user
    end

    -- Filesystems (facts §4): mounts[key] is a stack of mount objects, the key the real path without its leading
    -- slash ("" is the root). The root is a memfs over the boot image; filesystems.tmpfs is the built-in memory type.
    local mounts = { [""] = { memfs.over(files, "") } }
    -- Each kernel gets its own copy of the class, so a module that changes tmpfs changes only its kernel's.
    local tmpfs = copy(memfs)
    tmpfs.__index = tmpfs
    G.filesystems.tmpfs = tmpfs
    local filesystems = G.filesystems

    local function realPath(process, path)
        local root = normalise(process.root or "/")
        local base = path:sub(1, 1) == "/" and "" or (process.dir or "/")
        local real = normalise(root .. "/" .. base .. "/" .. path)
        if root ~= "/" and real ~= root and real:sub(1, #root + 1) ~= root .. "/" then error(path .. ": No such file or directory", 0) end
        return real:sub(2)
    end
    local function callMount(object, method, process, ...) return object[method](object, process, ...) end
    local function pickLayer(process, stack, relative)
        if #stack == 1 then return stack[1] end
        for _, layer in ipairs(stack) do
            local ok, found = pcall(callMount, layer, "stat", process, relative, true)
            if ok and found then return layer end
        end
        return stack[1]
    end
    local function resolve(process, path)
        local parts = {}
        for part in gmatch(realPath(process, path), "[^/]+") do parts[#parts + 1] = part end
        for depth = #parts, 0, -1 do
            local key = concat(parts, "/", 1, depth)
            local stack = mounts[key]
            if stack and #stack > 0 then
                return pickLayer(process, stack, concat(parts, "/", depth + 1, #parts)), concat(parts, "/", depth + 1, #parts), key
            end
        end
        error("Could not find mount for path " .. path .. ". Where is root?", 0)
    end
    local function effectiveWrite(st, user)
        local perms = type(st.permissions) == "table" and st.permissions[user] or st.worldPermissions
        return type(perms) == "table" and perms.write
    end

    function syscalls.mount(process, thread, fstype, src, dest, options)
        expect(1, fstype, "string")
        expect(2, src, "string")
        expect(3, dest, "string")
        expect(4, options, "table", "nil")
        local class = filesystems[fstype]
        if not class then error(format("No such filesystem '%s'", fstype), 0) end
        local key = realPath(process, dest)
        if key == "" then
            if process.user ~= "root" then error("Could not mount to " .. dest .. ": Permission denied", 0) end
        else
            local parentObject, relative = resolve(process, dest)
            local st = callMount(parentObject, "stat", process, relative)
            if not st then error("Could not mount to " .. dest .. ": No such directory", 0) end
            if st.type ~= "directory" then error("Could not mount to " .. dest .. ": Not a directory", 0) end
            if process.user ~= "root" and not effectiveWrite(st, process.user) then
                error("Could not mount to " .. dest .. ": Permission denied", 0)
            end
        end
        options = options or {}
        local stack = mounts[key]
        if stack and not options.overlay then
            error("Could not mount to " .. dest .. ": Mount already exists (use overlay to mount over)", 0)
        end
        if options.overlay and not stack then error("Could not mount to " .. dest .. ": No base mount exists for overlay", 0) end
        local object = class:new(process, src, options)
        if stack then stack[#stack + 1] = object else mounts[key] = { object } end
    end

    function syscalls.unmount(process, thread, path)
        expect(1, path, "string")
        local key = realPath(process, path)
        local stack = mounts[key]
        if not stack then error(key .. ": No such mount", 0) end
        local top = stack[#stack]
        local st = callMount(top, "stat", process, "")
        if not st then
            error("Internal error in unmount: could not get stat for root! Please report this to the maintainer of the target filesystem.", 0)
        end
        if process.user ~= "root" and not effectiveWrite(st, process.user) then error(key .. ": Permission denied", 0) end
        if top.unmount then top:unmount(process) end
        stack[#stack] = nil
        if #stack == 0 then mounts[key] = nil end
    end

    function syscalls.mountlist()
        local list = {}
        for key, stack in pairs(mounts) do
            for _, object in ipairs(stack) do
                local fstype, source, options = object:info()
                list[#list + 1] = { path = "/" .. key, type = fstype, source = source, options = options }
            end
        end
        return list
    end

    function syscalls.combine(process, thread, first, ...)
        expect(1, first, "string")
        local parts = { first }
        for i = 1, select("#", ...) do parts[i + 1] = expect(i + 1, (select(i, ...)), "string") end
        local joined = normalise(concat(parts, "/")):sub(2)
        if first:sub(1, 1) == "/" then joined = "/" .. joined end
        return joined
    end

    -- The syscalls dispatched to mounts: arguments are checked before any mount method runs (FS-TYPE-CHECKED).
    function syscalls.open(process, thread, path, mode)
        expect(1, path, "string")
        expect(2, mode, "string")
        if not mode:find("^[rwa]b?$") then error("Invalid mode", 0) end
        local ok, object, relative = pcall(resolve, process, path)
        if not ok then return nil, object end
        return callMount(object, "open", process, relative, mode)
    end
    function syscalls.list(process, thread, path)
        expect(1, path, "string")
        local object, relative, key = resolve(process, path)
        local stack = mounts[key]
        if #stack == 1 then
            local names = callMount(object, "list", process, relative)
            if type(names) == "table" then sort(names) end
            return names
        end
        local seen, merged = {}, {}
        for _, layer in ipairs(stack) do
            local listed, names = pcall(callMount, layer, "list", process, relative)
            if listed and type(names) == "table" then
                for _, name in ipairs(names) do
                    if not seen[name] then seen[name], merged[#merged + 1] = true, name end
                end
            end
        end
        sort(merged)
        return merged
    end
    function syscalls.stat(process, thread, path, nolink)
        expect(1, path, "string")
        expect(2, nolink, "boolean", "nil")
        local ok, object, relative, key = pcall(resolve, process, path)
        if not ok then return nil, object end
        local st, err = callMount(object, "stat", process, relative, nolink)
        if type(st) == "table" then st.mountpoint = "/" .. key end
        return st, err
    end
    for _, method in ipairs({ "remove", "mkdir" }) do
        syscalls[method] = function(process, thread, path)
            expect(1, path, "string")
            local object, relative = resolve(process, path)
            callMount(object, method, process, relative)
        end
    end
    function syscalls.rename(process, thread, from, to)
        expect(1, from, "string")
        expect(2, to, "string")
        local source, relativeFrom = resolve(process, from)
        local target, relativeTo = resolve(process, to)
        if source ~= target then error("Attempt to rename file across two filesystems", 0) end
        callMount(source, "rename", process, relativeFrom, relativeTo)
    end
    function syscalls.link(process, thread, path, location)
        expect(1, path, "string")
        expect(2, location, "string")
        if normalise(path) == normalise(location) then error("Cannot link file to itself", 0) end
        local object, relative = resolve(process, path)
        if not object.link then error("Filesystem does not support links", 0) end
        callMount(object, "link", process, relative, location)
    end
    function syscalls.mkfifo(process, thread, path)
        expect(1, path, "string")
        local object, relative = resolve(process, path)
        if not object.mkfifo then error("Filesystem does not support FIFOs", 0) end
        callMount(object, "mkfifo", process, relative)
    end
    function syscalls.chmod(process, thread, path, user, mode)
        expect(1, path, "string")
        expect(2, user, "string", "nil")
        expect(3, mode, "number", "string", "table")
        if type(mode) == "string" and not (mode:find("^[%+%-=][rwxs]+$") or mode:find("^[r%-][w%-][xs%-]$")) then
            error("bad argument #3 (invalid mode)", 0)
        end
        if type(mode) == "table" then
            for _, field in ipairs({ "read", "write", "execute" }) do
                if mode[field] ~= nil and type(mode[field]) ~= "boolean" then
                    error(format('bad field "%s" (expected boolean, got %s)', field, type(mode[field])), 0)
                end
            end
        end
        local object, relative = resolve(process, path)
        callMount(object, "chmod", process, relative, user, mode)
    end
    function syscalls.chown(process, thread, path, user)
        expect(1, path, "string")
        expect(2, user, "string")
        local object, relative = resolve(process, path)
        callMount(object, "chown", process, relative, user)
    end

    -- Kernel modules (facts §2-3) ------------------------------------------------------------------------------
    function syscalls.listmodules()
        local names = {}
        for name in pairs(G.modules) do names[#names + 1] = name end
        return names
    end

    function syscalls.loadmodule(process, thread, path)
        expect(1, path, "string")
        if process.user ~= "root" then error("Could not load kernel module: Permission denied", 2) end
        local full = "/" .. realPath(process, path)
        local st = stat(full)
        if not st then error(path .. ": No such file or directory", 2) end
        if st.type == "directory" then error("Could not load kernel module: Is a directory", 2) end
        if st.owner ~= "root" or st.worldPermissions.write then
            error("Insecure permissions set on kernel module, refusing to load", 2)
        end
        local name = match(match(path, "[^/]*$"), "^%.*([^%.]+)")
        if not name then error("Could not load kernel module: Invalid name", 2) end
        syslog.log({ module = name }, "Loading kernel module", name, "from", path)
        local chunk, compileError = load(files[full].content, "@" .. path, "t", G)
        if not chunk then
            syslog.log({ level = "error", module = name }, "Could not load", name .. ":", compileError)
            return
        end
        local ok, result = pcall(chunk, path)
        if not ok then
            syslog.log({ level = "error", module = name }, "Kernel module", name, "threw an error:", result)
            return
        end
        G.modules[name] = result or true
    end

    function syscalls.unloadmodule(process, thread, name)
        expect(1, name, "string")
        if process.user ~= "root" then error("Could not load kernel module: Permission denied", 2) end
        local entry = G.modules[name]
        if type(entry) == "table" and entry.unload then entry.unload(process, thread) end
        G.modules[name] = nil
    end

    function syscalls.callmodule(process, thread, name, func, ...)
        expect(1, name, "string")
        expect(2, func, "string")
        local entry = G.modules[name]
        if not entry then error("Module '" .. name .. "' does not exist", 2) end
        if type(entry) ~= "table" then error("Module '" .. name .. "' does not have a callable interface", 2) end
        if func == "unload" or type(entry[func]) ~= "function" then
            error("Module '" .. name .. "' does not have a method '" .. func .. "'", 2)
        end
        return entry[func](process, thread, ...)
    end

    -- User mode: threads are coroutines that yield "syscall", name, ... and are resumed with true, results... or
    -- false, error.
    local function runThread(process, thread, params)
        while true do
            local result = pack(resume(thread.coro, unpack(params, 1, params.n)))
            if not result[1] then
                thread.status, thread.did_error = "dead", true
                return false, result[2]
            elseif status(thread.coro) == "dead" then
                thread.status = "dead"
                return true, pack(unpack(result, 2, result.n))
            elseif result[2] == "syscall" then
                params = pack(userView(dispatch(process, thread, unpack(result, 3, result.n))))
            else
                thread.status = "dead"
                return false, "a user program cannot wait for events in this kernel"
            end
        end
    end

    function G.userModeCallback(process, func, ...)
        if not current then error("userModeCallback not called from a yieldable context", 2) end
        if type(process) ~= "table" or process.id == 0 or G.processes[process.id] ~= process then
            error("userModeCallback needs a user process", 2)
        end
        local thread = { id = #process.threads + 1, name = "<user mode callback>", status = "starting", coro = guard(create(func)) }
        process.threads[thread.id] = thread
        handles[thread] = true
        local ok, result = runThread(process, thread, pack(userView(...)))
        if not ok then
            syslog.log({ level = "error", category = "Application Error" }, "User mode callback failed:", result)
            return false, result
        end
        return true, result[1]
    end

    local function userEnv()
        local env = {}
        for _, key in ipairs(SAFE) do env[key] = _G[key] end
        for _, lib in ipairs({ "string", "table", "math", "utf8", "coroutine" }) do env[lib] = copy(_G[lib]) end
        env.coroutine.create, env.coroutine.wrap = G.coroutine.create, G.coroutine.wrap
        env.os = { time = os.time, clock = os.clock, date = os.date }
        env.load = function(chunk, name, mode, chunkEnv)
            if chunkEnv == nil then chunkEnv = env end
            return load(chunk, name, "t", chunkEnv)
        end
        local function call(name, ...)
            local r = pack(yield("syscall", name, ...))
            if r[1] then return unpack(r, 2, r.n) end
            error(r[2], 2)
        end
        env.syscall = setmetatable({}, {
            __call = function(_, name, ...) return call(name, ...) end,
            __index = function(_, name) return function(...) return call(name, ...) end end,
        })
        env._G = env
        return env
    end

    local nextPid = 1
    local function processOf(user)
        local process = K.users[user]
        if process then return process end
        process = { id = nextPid, name = "conformance-" .. user, user = user, realuser = user, dir = "/", root = "/",
            vars = {}, dependents = {}, eventQueue = {}, threads = {}, env = userEnv() }
        nextPid = nextPid + 1
        process.threads[0] = { id = 0, name = "<main thread>", status = "running" }
        G.processes[process.id] = process
        handles[process], handles[process.threads[0]] = true, true
        K.users[user] = process
        return process
    end

    --- Syscall(user, name, args): from the user's process and main thread; a list of results or an error.
    function K.syscall(user, name, args)
        local process = processOf(user)
        local result = pack(budgeted(dispatch, process, process.threads[0], name, unpack(args, 1, args.n)))
        if result[1] then return true, pack(unpack(result, 2, result.n)) end
        return false, result[2]
    end

    --- RunUserChunk(user, source, args): a new thread of the user's process running source in its environment.
    function K.runUserChunk(user, source, args)
        local process = processOf(user)
        local fn, err = load(source, "=user", "t", process.env)
        if not fn then return false, err end
        local thread = { id = #process.threads + 1, name = "<user chunk>", status = "starting", coro = guard(create(fn)) }
        process.threads[thread.id] = thread
        handles[thread] = true
        local results = pack(pcall(budgeted, runThread, process, thread, args))
        if not results[1] then return false, results[2] end
        return results[2], results[3]
    end

    function K.shutdown()
        for name, entry in pairs(G.modules) do
            if type(entry) == "table" and type(entry.unload) == "function" then pcall(entry.unload, G.KERNEL, nil) end
            G.modules[name] = nil
        end
    end

    -- Boot: modules in /lib/modules in name order; a failing module is logged and the boot goes on.
    syslog.log("Starting Pebble version", VERSION)
    syslog.log("Loading kernel modules from /lib/modules")
    local names = {}
    for p, node in pairs(files) do
        if parent(p) == "/lib/modules" and not node.dir then names[#names + 1] = p end
    end
    sort(names)
    for _, path in ipairs(names) do
        local loaded, err = pcall(budgeted, syscalls.loadmodule, G.KERNEL, nil, path)
        if not loaded then syslog.log({ level = "error" }, "Could not load module from", path .. ":", err) end
    end
    return K
end

return kernel
