-- Clauses: FS-METHODS, FS-METHODS-V2, FS-METHOD-ARGS, FS-RELATIVE-PATH, FS-TYPE-CHECKED
-- Compat: PX-FS-TYPE-ERRORS, PX-FS-OPEN-MODE, PX-FS-RENAME-ACROSS, PX-FS-LINK-FIFO-PROBED, PX-FS-LINK-SELF,
-- Compat: PX-FS-STAT-MOUNTPOINT, PX-FS-METHOD-ERRORS
-- Mirrors: Phoenix 05-filesystem (the filesystem syscalls dispatched to mounts)
-- Dispatch of the filesystem syscalls that are not about mounting (page: "A filesystem class must implement all
-- filesystem syscalls that are not related to mounting or combine"; facts §4.5). Arguments are type-checked here,
-- before any mount method runs (FS-TYPE-CHECKED); every method is a ':' call with (process, relative path, ...).
local env, host, kernel = ...

local type, ipairs, error, pcall = type, ipairs, error, pcall
local sort, find, format = table.sort, string.find, string.format
local syscalls = kernel.syscalls

function syscalls.open(process, thread, path, mode)
    kernel.expect(1, path, "string")
    kernel.expect(2, mode, "string")
    if not find(mode, "^[rwa]b?$") then error("Invalid mode", 0) end
    local ok, object, relative = pcall(kernel.resolve, process, path)
    if not ok then return nil, object end
    return kernel.callMount(object, "open", process, relative, mode)
end

function syscalls.list(process, thread, path)
    kernel.expect(1, path, "string")
    local object, relative, key = kernel.resolve(process, path)
    local stack = kernel.mounts[key]
    if #stack == 1 then
        local names = kernel.callMount(object, "list", process, relative)
        if type(names) ~= "table" then return names end
        sort(names)
        return names
    end
    -- Overlays: every layer's entries, merged, sorted, without duplicates (facts §4.5, 0.0.9).
    local seen, merged = {}, {}
    for _, layer in ipairs(stack) do
        local listed, names = pcall(kernel.callMount, layer, "list", process, relative)
        if listed and type(names) == "table" then
            for _, name in ipairs(names) do
                if not seen[name] then
                    seen[name] = true
                    merged[#merged + 1] = name
                end
            end
        end
    end
    sort(merged)
    return merged
end

function syscalls.stat(process, thread, path, nolink)
    kernel.expect(1, path, "string")
    kernel.expect(2, nolink, "boolean", "nil")
    local ok, object, relative, key = pcall(kernel.resolve, process, path)
    if not ok then return nil, object end
    local stat, err = kernel.callMount(object, "stat", process, relative, nolink)
    if type(stat) == "table" then stat.mountpoint = "/" .. key end
    return stat, err
end

function syscalls.remove(process, thread, path)
    kernel.expect(1, path, "string")
    local object, relative = kernel.resolve(process, path)
    kernel.callMount(object, "remove", process, relative)
end

function syscalls.mkdir(process, thread, path)
    kernel.expect(1, path, "string")
    local object, relative = kernel.resolve(process, path)
    kernel.callMount(object, "mkdir", process, relative)
end

function syscalls.rename(process, thread, from, to)
    kernel.expect(1, from, "string")
    kernel.expect(2, to, "string")
    local source, relativeFrom = kernel.resolve(process, from)
    local target, relativeTo = kernel.resolve(process, to)
    if source ~= target then error("Attempt to rename file across two filesystems", 0) end
    kernel.callMount(source, "rename", process, relativeFrom, relativeTo)
end

function syscalls.link(process, thread, path, location)
    kernel.expect(1, path, "string")
    kernel.expect(2, location, "string")
    if host.normalize(path) == host.normalize(location) then error("Cannot link file to itself", 0) end
    local object, relative = kernel.resolve(process, path)
    if not object.link then error("Filesystem does not support links", 0) end
    -- The link target is passed as given, not made relative (facts §4.5).
    kernel.callMount(object, "link", process, relative, location)
end

function syscalls.mkfifo(process, thread, path)
    kernel.expect(1, path, "string")
    local object, relative = kernel.resolve(process, path)
    if not object.mkfifo then error("Filesystem does not support FIFOs", 0) end
    kernel.callMount(object, "mkfifo", process, relative)
end

function syscalls.chmod(process, thread, path, user, mode)
    kernel.expect(1, path, "string")
    kernel.expect(2, user, "string", "nil")
    kernel.expect(3, mode, "number", "string", "table")
    if type(mode) == "string" and not (find(mode, "^[%+%-=][rwxs]+$") or find(mode, "^[r%-][w%-][xs%-]$")) then
        error("bad argument #3 (invalid mode)", 0)
    end
    if type(mode) == "table" then
        for _, field in ipairs({ "read", "write", "execute" }) do
            local value = mode[field]
            if value ~= nil and type(value) ~= "boolean" then
                error(format('bad field "%s" (expected boolean, got %s)', field, type(value)), 0)
            end
        end
    end
    local object, relative = kernel.resolve(process, path)
    -- User before mode, as the syscall has them (facts §4.5).
    kernel.callMount(object, "chmod", process, relative, user, mode)
end

function syscalls.chown(process, thread, path, user)
    kernel.expect(1, path, "string")
    kernel.expect(2, user, "string")
    local object, relative = kernel.resolve(process, path)
    kernel.callMount(object, "chown", process, relative, user)
end
