-- Clauses: none (the built-in tmpfs type, not a module's filesystem)
-- Compat: PX-FS-CHMOD-CHOWN
-- Mirrors: Phoenix 05-filesystem (the tmpfs type)
-- The built-in memory filesystem type, tmpfs (facts §4.9: anyone may mount it; it ignores options). Storage and
-- permission checks are C# (Vfs/TmpFs.cs); this class adapts them to the mount-object protocol and builds the
-- file handles open returns. The root mount is instance 0, filled from the boot image.
local env, host, kernel = ...

local setmetatable, select, tostring = setmetatable, select, tostring
local sub, find = string.sub, string.find

local function readHandle(data)
    local position = 1
    local handle = {}
    function handle.readAll()
        local rest = sub(data, position)
        position = #data + 1
        return rest
    end
    function handle.readLine(withTrailing)
        if position > #data then return nil end
        local newline = find(data, "\n", position, true)
        local line
        if newline then
            line = sub(data, position, withTrailing and newline or newline - 1)
            position = newline + 1
        else
            line = sub(data, position)
            position = #data + 1
        end
        return line
    end
    function handle.read(count)
        if position > #data then return nil end
        local chunk = sub(data, position, position + (count or 1) - 1)
        position = position + #chunk
        return chunk
    end
    function handle.close() end
    return handle
end

local function writeHandle(append)
    local handle = {}
    function handle.write(value)
        append(tostring(value)) -- one value, as Phoenix's text handles: further arguments are ignored
    end
    function handle.writeLine(text) append(tostring(text) .. "\n") end
    function handle.flush() end
    function handle.close() end
    return handle
end

local tmpfs = {}
tmpfs.__index = tmpfs

function tmpfs:new(process, source, options)
    return setmetatable({ id = host.tmpfsNew(process.user), source = source }, tmpfs)
end

function tmpfs:open(process, path, mode)
    local result, err = host.tmpfsOpen(self.id, process.user, path, mode)
    if result == nil then return nil, err end
    if sub(mode, 1, 1) == "r" then return readHandle(result) end
    local id, user = self.id, process.user
    return writeHandle(function(data) host.tmpfsAppend(id, user, path, data) end)
end

function tmpfs:list(process, path) return host.tmpfsList(self.id, process.user, path) end
function tmpfs:stat(process, path) return host.tmpfsStat(self.id, process.user, path) end
function tmpfs:remove(process, path) host.tmpfsRemove(self.id, process.user, path) end
function tmpfs:rename(process, from, to) host.tmpfsRename(self.id, process.user, from, to) end
function tmpfs:mkdir(process, path) host.tmpfsMkdir(self.id, process.user, path) end
function tmpfs:chmod(process, path, user, mode) host.tmpfsChmod(self.id, process.user, path, user, mode) end
function tmpfs:chown(process, path, user) host.tmpfsChown(self.id, process.user, path, user) end
function tmpfs:info() return "tmpfs", "memory", {} end

kernel.filesystems.tmpfs = tmpfs
kernel.mounts[""] = { setmetatable({ id = 0, source = "memory" }, tmpfs) }
