-- Clauses: MOD-AUTOLOAD, MOD-API, MOD-CALL-ARGS, MOD-CALL-SCOPE, MOD-UNLOAD, MOD-UNLOAD-OPTIONAL
-- Compat: PX-MOD-LOAD-ROOT-ONLY, PX-MOD-CHUNK-ARGUMENT, PX-MOD-RESULT-OR-TRUE, PX-MOD-DUPLICATE-NAME-OVERWRITES,
-- Compat: PX-MOD-FAILED-MODULE-LOGGED, PX-MOD-LISTMODULES, PX-MOD-UNLOAD-ARGS, PX-MOD-UNLOAD-UNKNOWN,
-- Compat: PX-MOD-CALLMODULE-ERRORS, PX-MOD-ARG-CHECKS
-- Mirrors: Phoenix 90-kmod (loadmodule, unloadmodule, callmodule, listmodules)
-- Module syscalls: loadmodule, unloadmodule, callmodule, listmodules (page: "Kernel modules"; facts §2-§3,
-- Phoenix part 90-kmod). File checks and name derivation happen in C# (Modules/ModuleLoader.cs); running module
-- code happens here, inside the syscall coroutine, so a module may yield.
-- Each step is a named kernel part (kernel.startModule, kernel.invokeApi, ...) looked up when the syscall runs, so a
-- variant kernel can replace one step; the suite's self-tests build deliberately broken kernels that way.
local env, host, kernel = ...

local type, pairs, pcall, error, load, tostring = type, pairs, pcall, error, load, tostring
local format = string.format
local syslog, syscalls = kernel.syslog, kernel.syscalls

local modules = {}
env.modules = modules
kernel.modules = modules

local function requireRoot(process)
    if process.user ~= "root" then error("Could not load kernel module: Permission denied", 0) end
end

-- The chunk gets its own path, exactly as given, as its only argument (facts §2.2 step 10).
function kernel.startModule(chunk, path) return pcall(chunk, path) end

-- nil or false results are stored as true; anything else as it is (facts §2.2 step 10).
function kernel.storeModule(name, result) modules[name] = result or true end

function kernel.reportModuleError(name, err)
    syslog.log({ level = "error" }, "Kernel module " .. name .. " threw an error:", tostring(err))
end

-- API functions are plain calls: (process, thread, extra arguments...) (facts §3.3 step 4).
function kernel.invokeApi(module, func, process, thread, ...) return module[func](process, thread, ...) end

-- unload is a plain call with (process, thread), not a method call (facts §3.2).
function kernel.runUnload(module, process, thread)
    if type(module) == "table" and module.unload then module.unload(process, thread) end
end

function syscalls.loadmodule(process, thread, path)
    kernel.expect(1, path, "string")
    requireRoot(process)
    -- Checks (directory, owner, world-writable), name and source; raises the Phoenix message on refusal.
    local name, source = host.prepareModule(process.user, path)
    if name == nil then return end
    local chunk, err = load(source, "@" .. path, "t", env)
    if not chunk then
        syslog.log({ level = "error" }, "Could not load " .. name .. ":", err)
        return
    end
    local ok, result = kernel.startModule(chunk, path)
    if ok then
        kernel.storeModule(name, result)
    else
        kernel.reportModuleError(name, result)
    end
end

function syscalls.unloadmodule(process, thread, name)
    kernel.expect(1, name, "string")
    requireRoot(process)
    -- If unload throws, the error propagates and the module stays (facts §3.2).
    kernel.runUnload(modules[name], process, thread)
    modules[name] = nil
end

function syscalls.callmodule(process, thread, name, func, ...)
    kernel.expect(1, name, "string")
    kernel.expect(2, func, "string")
    local module = modules[name]
    if not module then error(format("Module '%s' does not exist", name), 0) end
    if type(module) ~= "table" then error(format("Module '%s' does not have a callable interface", name), 0) end
    if func == "unload" or type(module[func]) ~= "function" then
        error(format("Module '%s' does not have a method '%s'", name, func), 0)
    end
    return kernel.invokeApi(module, func, process, thread, ...)
end

function syscalls.listmodules()
    local names = {}
    for name in pairs(modules) do names[#names + 1] = name end
    return names
end
