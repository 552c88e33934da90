-- Pebble's memory filesystem: the root mount (filled from the boot image) and the built-in "tmpfs" type modules and
-- users may mount. A mount object follows the page's filesystem protocol: every method is a ':' call with the caller's
-- process and a path relative to the mount ("" is its root). Files are nodes keyed "/" .. relative path, with an
-- owner, per-user permissions and world permissions (Phoenix's stat model); root may do anything, others need the bit.
local memfs = {}
memfs.__index = memfs

local sort = table.sort

local function rwx(read, write, execute) return { read = read, write = write, execute = execute, setuser = false } end
local function copy(t)
    local c = {}
    for k, v in pairs(t) do c[k] = v end
    return c
end
local function parentKey(key) return key:match("^(.*)/[^/]*$") == "" and "/" or key:match("^(.*)/[^/]*$") end
local function keyOf(relative) return "/" .. relative end

function memfs.directory(owner)
    return { dir = true, owner = owner, permissions = { [owner] = rwx(true, true, true) }, world = rwx(true, false, true) }
end

--- A mount object over an existing table of nodes (the root mount).
function memfs.over(files, source)
    return setmetatable({ files = files, source = source, options = {} }, memfs)
end

--- The class method mount calls (filesystems.tmpfs): an empty filesystem whose root belongs to the mounting user.
function memfs:new(process, source, options)
    return setmetatable({ files = { ["/"] = memfs.directory(process.user) }, source = source, options = options }, self)
end

function memfs.allowed(node, user, bit)
    if user == "root" then return true end
    local p = node.permissions[user] or node.world
    return p[bit] == true
end

local function need(self, process, relative, bit)
    local node = self.files[keyOf(relative)]
    if not node then error("/" .. relative .. ": No such file or directory", 0) end
    if not memfs.allowed(node, process.user, bit) then error("/" .. relative .. ": Permission denied", 0) end
    return node
end

function memfs:info() return "tmpfs", self.source, self.options end

function memfs:stat(process, relative)
    local node = self.files[keyOf(relative)]
    if not node then return nil end
    local permissions = {}
    for user, b in pairs(node.permissions) do permissions[user] = copy(b) end
    return { type = node.dir and "directory" or "file", size = node.dir and 0 or #node.content, created = 0, modified = 0,
        owner = node.owner, permissions = permissions, worldPermissions = copy(node.world),
        setuser = node.world.setuser or false, special = {} }
end

function memfs:list(process, relative)
    local node = need(self, process, relative, "read")
    if not node.dir then error("/" .. relative .. ": Not a directory", 0) end
    local prefix = relative == "" and "/" or keyOf(relative) .. "/"
    local names = {}
    for key in pairs(self.files) do
        if key ~= "/" and key:sub(1, #prefix) == prefix and not key:find("/", #prefix + 1, true) then
            names[#names + 1] = key:sub(#prefix + 1)
        end
    end
    sort(names)
    return names
end

function memfs:mkdir(process, relative)
    local key = keyOf(relative)
    if self.files[key] then
        if self.files[key].dir then return end
        error(key .. ": File exists", 0)
    end
    local parent = parentKey(key)
    if not self.files[parent] then self:mkdir(process, parent:sub(2)) end
    if not memfs.allowed(self.files[parent], process.user, "write") then error(key .. ": Permission denied", 0) end
    self.files[key] = memfs.directory(process.user)
end

function memfs:remove(process, relative)
    local key = keyOf(relative)
    if not self.files[key] then error(key .. ": No such file or directory", 0) end
    if key == "/" then error("/: Permission denied", 0) end
    if not memfs.allowed(self.files[parentKey(key)], process.user, "write") then error(key .. ": Permission denied", 0) end
    for k in pairs(self.files) do
        if k == key or k:sub(1, #key + 1) == key .. "/" then self.files[k] = nil end
    end
end

function memfs:rename(process, from, to)
    local fromKey, toKey = keyOf(from), keyOf(to)
    if not self.files[fromKey] then error(fromKey .. ": No such file or directory", 0) end
    if self.files[toKey] then error(toKey .. ": File exists", 0) end
    if not self.files[parentKey(toKey)] then error(toKey .. ": No such file or directory", 0) end
    for _, key in ipairs({ parentKey(fromKey), parentKey(toKey) }) do
        if not memfs.allowed(self.files[key], process.user, "write") then error(key .. ": Permission denied", 0) end
    end
    local moved = {}
    for k, node in pairs(self.files) do
        if k == fromKey or k:sub(1, #fromKey + 1) == fromKey .. "/" then moved[toKey .. k:sub(#fromKey + 1)] = node self.files[k] = nil end
    end
    for k, node in pairs(moved) do self.files[k] = node end
end

local function owned(self, process, relative)
    local key = keyOf(relative)
    local node = self.files[key]
    if not node then error(key .. ": No such file or directory", 0) end
    if process.user ~= "root" and process.user ~= node.owner then error(key .. ": Permission denied", 0) end
    return node
end

function memfs:chmod(process, relative, user, mode)
    local node = owned(self, process, relative)
    local target
    if user == nil then target = node.world
    else
        node.permissions[user] = node.permissions[user] or copy(node.world)
        target = node.permissions[user]
    end
    if type(mode) == "number" then
        target.setuser, target.read, target.write, target.execute = mode & 8 ~= 0, mode & 4 ~= 0, mode & 2 ~= 0, mode & 1 ~= 0
    elseif type(mode) == "table" then
        for _, k in ipairs({ "read", "write", "execute", "setuser" }) do
            if mode[k] ~= nil then target[k] = mode[k] and true or false end
        end
    elseif mode:match("^[+%-=][rwxs]+$") then
        local op = mode:sub(1, 1)
        local names = { r = "read", w = "write", x = "execute", s = "setuser" }
        if op == "=" then target.read, target.write, target.execute, target.setuser = false, false, false, false end
        for c in mode:sub(2):gmatch(".") do target[names[c]] = op ~= "-" end
    else
        target.read, target.write = mode:sub(1, 1) == "r", mode:sub(2, 2) == "w"
        target.execute, target.setuser = mode:sub(3, 3) ~= "-", mode:sub(3, 3) == "s"
    end
end

function memfs:chown(process, relative, user)
    local node = owned(self, process, relative)
    node.owner = user
    node.world.setuser = false
end

-- File handles: a read handle over the content at open time; a write handle that writes through on every call.
local function readHandle(data)
    local position = 1
    local handle = {}
    function handle.readAll()
        local rest = data:sub(position)
        position = #data + 1
        return rest
    end
    function handle.readLine(keep)
        if position > #data then return nil end
        local newline = data:find("\n", position, true)
        local line
        if newline then
            line = data:sub(position, keep and newline or newline - 1)
            position = newline + 1
        else
            line = data:sub(position)
            position = #data + 1
        end
        return line
    end
    function handle.read(count)
        if position > #data then return nil end
        local chunk = data:sub(position, position + (count or 1) - 1)
        position = position + #chunk
        return chunk
    end
    function handle.close() end
    return handle
end

local function writeHandle(node)
    local handle = {}
    function handle.write(value) node.content = node.content .. tostring(value) end
    function handle.writeLine(value) node.content = node.content .. tostring(value) .. "\n" end
    function handle.flush() end
    function handle.close() end
    return handle
end

function memfs:open(process, relative, mode)
    local key = keyOf(relative)
    local node = self.files[key]
    if mode:sub(1, 1) == "r" then
        if not node or node.dir then return nil, key .. ": No such file" end
        if not memfs.allowed(node, process.user, "read") then return nil, key .. ": Permission denied" end
        return readHandle(node.content)
    end
    if node and node.dir then return nil, key .. ": Is a directory" end
    if node then
        if not memfs.allowed(node, process.user, "write") then return nil, key .. ": Permission denied" end
    else
        local parent = self.files[parentKey(key)]
        if not parent or not parent.dir then return nil, key .. ": No such file" end
        if not memfs.allowed(parent, process.user, "write") then return nil, key .. ": Permission denied" end
        node = { dir = false, content = "", owner = process.user, permissions = { [process.user] = rwx(true, true, true) }, world = rwx(true, false, true) }
        self.files[key] = node
    end
    if mode:sub(1, 1) == "w" then node.content = "" end
    return writeHandle(node)
end

return memfs
