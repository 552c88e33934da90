-- Module syscalls: loadmodule, unloadmodule, callmodule, listmodules (page: "Kernel modules"; facts §2-§3,
-- Phoenix part 90-kmod). File checks and name derivation happen in C# (Modules/ModuleLoader.cs); running module
-- code happens here, inside the syscall coroutine, so a module may yield.
local env, host, kernel = ...

local type, pairs, pcall, error, load, tostring = type, pairs, pcall, error, load, tostring
local format = string.format
local expect, syslog, syscalls = kernel.expect, kernel.syslog, kernel.syscalls

local modules = {}
env.modules = modules
kernel.modules = modules

local function requireRoot(process)
    if process.user ~= "root" then error("Could not load kernel module: Permission denied", 0) end
end

function syscalls.loadmodule(process, thread, path)
    expect(1, path, "string")
    requireRoot(process)
    -- Checks (directory, owner, world-writable), name and source; raises the Phoenix message on refusal.
    local name, source = host.prepareModule(process.user, path)
    if name == nil then return end
    local chunk, err = load(source, "@" .. path, "t", env)
    if not chunk then
        syslog.log({ level = "error" }, "Could not load " .. name .. ":", err)
        return
    end
    -- The chunk gets its own path as its only argument; nil or false results are stored as true (facts §2.2).
    local ok, result = pcall(chunk, path)
    if ok then
        modules[name] = result or true
    else
        syslog.log({ level = "error" }, "Kernel module " .. name .. " threw an error:", tostring(result))
    end
end

function syscalls.unloadmodule(process, thread, name)
    expect(1, name, "string")
    requireRoot(process)
    local module = modules[name]
    -- A plain call, not a method call: unload(process, thread) (facts §3.2). If it throws, the module stays.
    if type(module) == "table" and module.unload then module.unload(process, thread) end
    modules[name] = nil
end

function syscalls.callmodule(process, thread, name, func, ...)
    expect(1, name, "string")
    expect(2, func, "string")
    local module = modules[name]
    if not module then error(format("Module '%s' does not exist", name), 0) end
    if type(module) ~= "table" then error(format("Module '%s' does not have a callable interface", name), 0) end
    if func == "unload" or type(module[func]) ~= "function" then
        error(format("Module '%s' does not have a method '%s'", name, func), 0)
    end
    return module[func](process, thread, ...)
end

function syscalls.listmodules()
    local names = {}
    for name in pairs(modules) do names[#names + 1] = name end
    return names
end
