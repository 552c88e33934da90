-- Clauses: FS-REGISTER, FS-NEW, FS-NEW-RESULT, FS-METHOD-ARGS, FS-RELATIVE-PATH, FS-INFO, FS-NOT-DISPATCHED,
-- Clauses: FS-UNMOUNT-HOOK, FS-UNREGISTER
-- Compat: PX-FS-NO-SUCH-FILESYSTEM, PX-FS-MOUNT-EXISTS, PX-FS-OVERLAY, PX-FS-MOUNTLIST-SHAPE, PX-FS-NONROOT-MOUNT,
-- Compat: PX-FS-MOUNT-ERRORS, PX-FS-PATHS
-- Mirrors: Phoenix 05-filesystem (mount, unmount, mountlist, combine, path resolution)
-- Filesystems: the filesystems registry, mounts, path resolution and dispatch of the filesystem syscalls to mount
-- objects (page: "Filesystems"; facts §4; Phoenix part 05-filesystem). The built-in memory type, tmpfs, is backed
-- by C# (Vfs/TmpFs.cs); the root mount is a tmpfs holding the boot image.
local env, host, kernel = ...

local type, pairs, ipairs, error, select, setmetatable, tostring, pcall = type, pairs, ipairs, error, select, setmetatable, tostring, pcall
local concat, sort = table.concat, table.sort
local format, find, sub, gmatch = string.format, string.find, string.sub, string.gmatch
local syscalls = kernel.syscalls

local filesystems = env.filesystems
kernel.filesystems = filesystems
-- mounts[real path] = stack of mount objects; the key has no leading or trailing slash, "" is the root (facts §4.1).
local mounts = {}
kernel.mounts = mounts
env.mounts = mounts

local function components(path)
    local parts = {}
    for part in gmatch(path, "[^/]+") do parts[#parts + 1] = part end
    return parts
end

-- The real path: root + (cwd unless absolute) + path, normalised like ComputerCraft's fs.combine (facts §4.4).
function kernel.realPath(process, path)
    local root = host.normalize(process.root or "/")
    local base = sub(path, 1, 1) == "/" and "" or (process.dir or "/")
    local real = host.normalize(root .. "/" .. base .. "/" .. path)
    if root ~= "" and real ~= root and sub(real, 1, #root + 1) ~= root .. "/" then
        error(path .. ": No such file or directory", 0)
    end
    return real
end

-- Picks the layer of an overlay stack: the first whose stat succeeds, else the base (facts §4.4).
function kernel.pickLayer(process, stack, relative)
    if #stack == 1 then return stack[1] end
    for _, layer in ipairs(stack) do
        local ok, found = pcall(kernel.callMount, layer, "stat", process, relative, true)
        if ok and found then return layer end
    end
    return stack[1]
end

-- Resolves a path to (mount object, path relative to the mount, mount key). The mount is the longest mount key that
-- is a component-wise prefix ("/mnt" never matches "/mntx"); looking up each prefix costs O(path depth), however
-- many mounts exist. The relative path has no leading slash, "." and ".." are resolved, and the mount's own root is "".
function kernel.resolve(process, path)
    local parts = components(kernel.realPath(process, path))
    for depth = #parts, 0, -1 do
        local key = concat(parts, "/", 1, depth)
        local stack = mounts[key]
        if stack and #stack > 0 then
            local relative = concat(parts, "/", depth + 1, #parts)
            return kernel.pickLayer(process, stack, relative), relative, key
        end
    end
    error("Could not find mount for path " .. path .. ". Where is root?", 0)
end

-- Kernel parts for mounting and dispatch, looked up when used (variant kernels replace one; see kmod.lua).
function kernel.findFilesystem(fstype) return filesystems[fstype] end

-- A method call on the class: new(class, process, src, options), options never nil (facts §4.2).
function kernel.newMount(class, process, src, options) return class:new(process, src, options) end

-- Every mount method is a ':' call: (object, process, relative path or other syscall arguments...).
function kernel.callMount(object, method, process, ...) return object[method](object, process, ...) end

-- The optional unmount hook (v2 page), called before the object is removed; its errors keep the mount.
function kernel.runUnmountHook(object, process)
    if object.unmount then object:unmount(process) end
end

local function effectiveWrite(stat, user)
    local own = type(stat.permissions) == "table" and stat.permissions[user]
    local perms = own or stat.worldPermissions
    return type(perms) == "table" and perms.write
end

function syscalls.mount(process, thread, fstype, src, dest, options)
    kernel.expect(1, fstype, "string")
    kernel.expect(2, src, "string")
    kernel.expect(3, dest, "string")
    kernel.expect(4, options, "table", "nil")
    local class = kernel.findFilesystem(fstype)
    if not class then error(format("No such filesystem '%s'", fstype), 0) end
    local key = kernel.realPath(process, dest)
    if key == "" then
        if process.user ~= "root" then error("Could not mount to " .. dest .. ": Permission denied", 0) end
    else
        local parent, relative = kernel.resolve(process, dest)
        local stat = kernel.callMount(parent, "stat", process, relative)
        if not stat then error("Could not mount to " .. dest .. ": No such directory", 0) end
        if stat.type ~= "directory" then error("Could not mount to " .. dest .. ": Not a directory", 0) end
        if process.user ~= "root" and not effectiveWrite(stat, process.user) then
            error("Could not mount to " .. dest .. ": Permission denied", 0)
        end
    end
    options = options or {}
    local stack = mounts[key]
    if stack and not options.overlay then
        error("Could not mount to " .. dest .. ": Mount already exists (use overlay to mount over)", 0)
    end
    if options.overlay and not stack then error("Could not mount to " .. dest .. ": No base mount exists for overlay", 0) end
    local object = kernel.newMount(class, process, src, options)
    if stack then stack[#stack + 1] = object else mounts[key] = { object } end
end

function syscalls.unmount(process, thread, path)
    kernel.expect(1, path, "string")
    local key = kernel.realPath(process, path)
    local stack = mounts[key]
    if not stack then error(key .. ": No such mount", 0) end
    local top = stack[#stack]
    local stat = kernel.callMount(top, "stat", process, "")
    if not stat then
        error("Internal error in unmount: could not get stat for root! Please report this to the maintainer of the target filesystem.", 0)
    end
    if process.user ~= "root" and not effectiveWrite(stat, process.user) then error(key .. ": Permission denied", 0) end
    kernel.runUnmountHook(top, process)
    stack[#stack] = nil
    if #stack == 0 then mounts[key] = nil end
end

function syscalls.mountlist(process)
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
    kernel.expect(1, first, "string")
    local parts = { first }
    for i = 1, select("#", ...) do parts[i + 1] = kernel.expect(i + 1, (select(i, ...)), "string") end
    local joined = host.normalize(concat(parts, "/"))
    if sub(first, 1, 1) == "/" then joined = "/" .. joined end
    return joined
end
