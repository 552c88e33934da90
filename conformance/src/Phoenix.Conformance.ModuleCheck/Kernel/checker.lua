-- Clauses: MOD-UNLOAD-REVERSES, MOD-USER-CALLBACK-USE, MOD-NO-CUSTOM-SYSCALLS
-- The module checker's eyes inside a reference kernel: run after the built-in glue (KernelOptions.ExtraScripts),
-- it wraps the kernel parts a module load and unload go through, photographs the kernel state a module can reach
-- before and after, and hands out probe functions that notice when kernel code calls them outside user mode.
-- Findings leave through the extra syscall checkmodule_report (tab-separated lines; ModuleCheck/KernelFindings.cs).
local env, host, kernel = ...

local type, pairs, ipairs, tostring, rawequal, error, pcall = type, pairs, ipairs, tostring, rawequal, error, pcall
local format, sub, match = string.format, string.sub, string.match
local sort, concat, pack, unpack = table.sort, table.concat, table.pack, table.unpack
local getinfo, getmetatable = debug.getinfo, debug.getmetatable
local running = coroutine.running
local syscalls = kernel.syscalls

-- A module could build a kernel state too large to photograph; past this the walk stops and says so.
local MAX_NODES = 50000

-- Not module state: the process table (the checker's own processes come and go there, wherever it is reached
-- from), and libraries in package.loaded (kernel require caches them for every later user, as Phoenix's does).
local function skipped(value, path)
    return rawequal(value, kernel.processes) or path == ".package.loaded"
end

local function keyText(key)
    if type(key) == "string" then
        if match(key, "^[%a_][%w_]*$") then return "." .. key end
        return format("[%q]", key)
    end
    if type(key) == "number" or type(key) == "boolean" then return "[" .. tostring(key) .. "]" end
    return "[<" .. type(key) .. ">]"
end

local RANK = { number = 1, string = 2, boolean = 3 }
local function keyOrder(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return (RANK[ta] or 9) < (RANK[tb] or 9) end
    if ta == "number" or ta == "string" then return a < b end
    return false
end

-- A photograph: path -> { kind, value }. Tables are walked breadth first, so each is named by its shortest path
-- (syscalls, not package.loaded.syscalls), and compared by content, not identity; a table reached again is recorded
-- as a reference to its first path, so a new alias of kernel state is still a change.
local function snapshot()
    local shot, seen, nodes = {}, {}, 0
    local truncated = false
    local queue, head = {}, 1
    local function visit(value, path)
        nodes = nodes + 1
        if nodes > MAX_NODES then truncated = true return end
        if type(value) ~= "table" then
            shot[path] = { kind = type(value), value = value }
        elseif seen[value] then
            shot[path] = { kind = "ref", value = seen[value] }
        elseif not skipped(value, path) then
            seen[value] = path
            shot[path] = { kind = "table", value = value }
            queue[#queue + 1] = path
        end
    end
    visit(env, "")
    visit(kernel.driverList, "<drivers>")
    visit(getmetatable(""), "<string metatable>")
    while head <= #queue and not truncated do
        local path = queue[head]
        head = head + 1
        local value = shot[path].value
        local keys = {}
        for key in pairs(value) do keys[#keys + 1] = key end
        sort(keys, keyOrder)
        for _, key in ipairs(keys) do visit(value[key], path .. keyText(key)) end
        local meta = getmetatable(value)
        if meta ~= nil then visit(meta, path .. "<metatable>") end
    end
    shot["<truncated>"] = truncated and { kind = "boolean", value = true } or nil
    return shot
end

local function same(a, b)
    if a.kind ~= b.kind then return false end
    if a.kind == "table" then return true end
    if rawequal(a.value, b.value) then return true end
    return a.kind == "number" and a.value ~= a.value and b.value ~= b.value
end

-- Where a value came from in the module's file: the line a function was defined on, also for a table holding one.
local function lineOf(value, file, depth)
    depth = depth or 0
    if type(value) == "function" then
        local info = getinfo(value, "S")
        if info and info.source == "@" .. file then return info.linedefined end
    elseif type(value) == "table" and depth < 3 then
        for _, entry in pairs(value) do
            local line = lineOf(entry, file, depth + 1)
            if line then return line end
        end
    end
    return nil
end

local function startsWithin(path, parent)
    if sub(path, 1, #parent) ~= parent then return false end
    local next = sub(path, #parent + 1, #parent + 1)
    return next == "." or next == "[" or next == "<"
end

-- Differences between two photographs, topmost first: a table that appeared is one change, not one per entry.
local function diff(before, after, file, include)
    local changes, paths = {}, {}
    for path in pairs(before) do paths[path] = true end
    for path in pairs(after) do paths[path] = true end
    local sorted = {}
    for path in pairs(paths) do if include(path) then sorted[#sorted + 1] = path end end
    sort(sorted)
    local whole = {}
    for _, path in ipairs(sorted) do
        local covered = false
        for _, parent in ipairs(whole) do if startsWithin(path, parent) then covered = true break end end
        if not covered then
            local a, b = before[path], after[path]
            local change
            if a == nil then change = "added" elseif b == nil then change = "removed" elseif not same(a, b) then change = "changed" end
            if change then
                if change ~= "changed" or a.kind == "table" or b.kind == "table" then whole[#whole + 1] = path end
                local value = (b or a).value
                changes[#changes + 1] = { change = change, path = path, line = lineOf(value, file) }
            end
        end
    end
    return changes
end

local records, byName, findings, reported = {}, {}, {}, {}
local current

local function addFinding(clause, file, line, path, message)
    local key = concat({ clause, file, tostring(line), path }, "\0")
    if reported[key] then return end
    reported[key] = true
    findings[#findings + 1] = { clause, file, line and tostring(line) or "", path, message }
end

local startModule, storeModule, reportModuleError = kernel.startModule, kernel.storeModule, kernel.reportModuleError

function kernel.startModule(chunk, path)
    local drivers = {}
    for i, driver in ipairs(kernel.driverList) do drivers[i] = driver end
    current = { file = path, before = snapshot(), driversBefore = drivers }
    records[#records + 1] = current
    local results = pack(startModule(chunk, path))
    current.afterLoad = snapshot()
    return unpack(results, 1, results.n)
end

function kernel.storeModule(name, result)
    storeModule(name, result)
    if current then
        current.name, current.module = name, result
        current.hasUnload = type(result) == "table" and type(result.unload) == "function"
        byName[name] = current
    end
    current = nil
end

function kernel.reportModuleError(name, err)
    reportModuleError(name, err)
    if current then current.name, current.failed = name, tostring(err) end
    current = nil
end

local unloadmodule = syscalls.unloadmodule
syscalls.unloadmodule = function(process, thread, name)
    local record = byName[name]
    if record then record.beforeUnload = snapshot() end
    local results = pack(pcall(unloadmodule, process, thread, name))
    if record then
        record.afterUnload = snapshot()
        if not results[1] then record.unloadError = tostring(results[2]) end
    end
    if not results[1] then error(results[2], 0) end
    return unpack(results, 2, results.n)
end

-- Reads of globals the kernel does not define, by the checked module's own code: a typo, or kernel API this kernel
-- lacks, often in a branch only some callers reach. Only while the environment has no metatable of its own.
local MODULE_SOURCE = "@/checkmodule/"
if getmetatable(env) == nil then
    setmetatable(env, {
        __index = function(_, key)
            local info = getinfo(2, "Sl")
            if info and sub(info.source, 1, #MODULE_SOURCE) == MODULE_SOURCE then
                addFinding("UNDEFINED-GLOBAL", sub(info.source, 2), info.currentline, tostring(key),
                    "reads the global " .. tostring(key) .. ", which the kernel does not define")
            end
            return nil
        end,
    })
end

-- A probe stands for a user's function: fine when it runs on a user thread (userModeCallback or the user's own
-- call), a finding when kernel code calls it directly, which would run user code with kernel privileges.
local function onUserThread(co)
    for _, process in pairs(kernel.processes) do
        if type(process.threads) == "table" then
            for _, thread in pairs(process.threads) do
                if rawequal(thread.coro, co) then return true end
            end
        end
    end
    return false
end

syscalls.checkmodule_probe = function(process, thread, label, name)
    label = tostring(label)
    return function()
        if onUserThread(running()) then return end
        for level = 2, 40 do
            local info = getinfo(level, "Sl")
            if not info then break end
            if sub(info.source, 1, 1) == "@" then
                addFinding("MOD-USER-CALLBACK-USE", sub(info.source, 2), info.currentline, label,
                    "a user's function passed as " .. label .. " was called directly by kernel code instead of through userModeCallback")
                return
            end
        end
        -- No frame of the module is left: it called the function in a tail call (return fn(...)).
        local record = byName[name]
        addFinding("MOD-USER-CALLBACK-USE", record and record.file or "?", nil, label,
            "a user's function passed as " .. label .. " was called directly by kernel code (in a tail call, so the line is unknown) instead of through userModeCallback")
    end
end

-- The API a user can reach through callmodule: the module's function entries except unload.
syscalls.checkmodule_api = function(process, thread, name)
    local record = byName[name]
    local names = {}
    if record and type(record.module) == "table" then
        for key, value in pairs(record.module) do
            if type(key) == "string" and key ~= "unload" and type(value) == "function" then names[#names + 1] = key end
        end
    end
    sort(names)
    return names
end

-- Filesystem types a module added (the checker mounts each to reach its methods).
syscalls.checkmodule_filesystems = function(process, thread, name)
    local record = byName[name]
    local names = {}
    if record and record.afterLoad then
        for key in pairs(env.filesystems) do
            if type(key) == "string" and record.before[".filesystems" .. keyText(key)] == nil then names[#names + 1] = key end
        end
    end
    sort(names)
    return names
end

-- Device types of the drivers a module registered (the checker attaches a peripheral of each to reach them).
syscalls.checkmodule_drivers = function(process, thread, name)
    local record = byName[name]
    local known, types = {}, {}
    if record then
        for _, driver in ipairs(record.driversBefore) do known[driver] = true end
        for _, driver in ipairs(kernel.driverList) do
            if not known[driver] and type(driver.type) == "string" then types[#types + 1] = driver.type end
        end
    end
    sort(types)
    return types
end

local function isSyscallPath(path) return startsWithin(path, ".syscalls") end

-- Paths are walked from the kernel's _G, so they start with "."; shown without it (eventHooks.chat[1]).
local function shown(path) return sub(path, 1, 1) == "." and sub(path, 2) or path end

local function checkRecord(record)
    local file = record.file
    local own = ".modules" .. keyText(record.name or "")
    local function moduleState(path) return path ~= own and not startsWithin(path, own) and path ~= "<truncated>" end
    -- MOD-NO-CUSTOM-SYSCALLS: every syscall added or replaced, at load or while the module was used.
    for _, shot in ipairs({ record.afterLoad, record.beforeUnload }) do
        if shot then
            for _, change in ipairs(diff(record.before, shot, file, isSyscallPath)) do
                if change.change ~= "removed" then
                    local verb = change.change == "added" and "adds" or "replaces"
                    local syscall = sub(change.path, #".syscalls" + 1)
                    if sub(syscall, 1, 1) == "." then syscall = sub(syscall, 2) end
                    addFinding("MOD-NO-CUSTOM-SYSCALLS", file, change.line, shown(change.path),
                        "the module " .. verb .. " the syscall " .. syscall .. "; expose it through callmodule instead")
                end
            end
        end
    end
    -- MOD-UNLOAD-REVERSES: what is left after unload that was not there before the module loaded.
    if record.afterUnload then
        for _, change in ipairs(diff(record.before, record.afterUnload, file, moduleState)) do
            local what = change.change == "added" and "is left behind" or change.change == "removed" and "is gone" or "stays changed"
            local advice = record.hasUnload and "its unload does not reverse this" or "the module has no unload to reverse this"
            addFinding("MOD-UNLOAD-REVERSES", file, change.line, shown(change.path),
                shown(change.path) .. " " .. what .. " after the module was unloaded: " .. advice)
        end
    end
    if record.afterLoad and record.afterLoad["<truncated>"] then
        addFinding("CHECKER", file, nil, "", "the kernel state was too large to compare completely")
    end
end

-- Everything found so far, one finding per line: clause, file, line, path, message (tabs and newlines escaped).
syscalls.checkmodule_report = function()
    for _, record in ipairs(records) do
        if record.failed then
            addFinding("LOAD", record.file, nil, "", "the module threw while loading: " .. match(record.failed, "^[^\n]*"))
        elseif record.unloadError then
            addFinding("MOD-UNLOAD-REVERSES", record.file, nil, "", "unload threw: " .. record.unloadError)
        end
        if not record.failed then checkRecord(record) end
    end
    local lines = {}
    for i, finding in ipairs(findings) do
        local fields = {}
        for j, field in ipairs(finding) do fields[j] = (string.gsub(field, "[\t\n\\]", { ["\t"] = "\\t", ["\n"] = "\\n", ["\\"] = "\\\\" })) end
        lines[i] = concat(fields, "\t")
    end
    return concat(lines, "\n")
end
