-- Clauses: none (Phoenix 0.0.9's kernel API for modules beyond the page: reference-kernel/KERNEL-API.md)
-- Mirrors: Phoenix 05-filesystem (the craftos filesystem type)
-- filesystems.craftos: Phoenix's type for a folder of the computer's own disk. In the reference kernel the disk holds
-- the boot image's tree (the root tmpfs instance) under /root, so a craftos mount is a view of one of its directories, with the
-- built-in permission semantics (facts §4.7). Wrapping filesystems such as compressfs and encryptfs mount over it
-- (filesystems.craftos:new(process, source, options)). Not modelled: Phoenix keeps craftos permissions in metadata
-- files beside the files; here they are the image's own.
local env, host, kernel = ...

local setmetatable, error, type, sub = setmetatable, error, type, string.sub
local tmpfs = kernel.filesystems.tmpfs
-- The computer's disk: instance 0, the one the boot image filled (Vfs/TmpFs.cs).
local disk0 = setmetatable({ id = 0 }, tmpfs)
local expectField = env.expect.field

local craftos = {}
craftos.__index = craftos

-- The computer's disk holds the system under /root (Phoenix's default `root` argument, facts §4.1), so a craftos
-- source is a path on that disk: "/root/srv" is the image's /srv. Nothing else is on the reference kernel's disk.
local SYSTEM = "root"

-- Phoenix's checks (05-filesystem craftos:new): ro is a boolean, only root mounts, the source is a directory.
function craftos:new(process, source, options)
    expectField(options, "ro", "boolean", "nil")
    if process.user ~= "root" then error("Could not mount " .. source .. ": Permission denied", 0) end
    local disk = host.normalize(source)
    local base
    if disk == SYSTEM then base = "" elseif sub(disk, 1, #SYSTEM + 1) == SYSTEM .. "/" then base = sub(disk, #SYSTEM + 2) end
    local stat = base and tmpfs.stat(disk0, process, base)
    if type(stat) ~= "table" or stat.type ~= "directory" then error("Could not mount " .. source .. ": No such directory", 0) end
    return setmetatable({ base = base, source = source }, craftos)
end

local function onDisk(self, path)
    if self.base == "" then return path end
    if path == "" then return self.base end
    return self.base .. "/" .. path
end

-- Handles as ComputerCraft's fs.open gives them (Phoenix's craftos hands those on): binary reads give bytes as numbers
-- and seek, binary writes take numbers as bytes (filesystem.readhandle / writehandle over the disk's file).
-- Phoenix's messages (05-filesystem craftos:open) where the file is not there to read or is a directory.
function craftos:open(process, path, mode)
    local full, user = onDisk(self, path), process.user
    local stat = tmpfs.stat(disk0, process, full)
    if stat == nil and sub(mode, 1, 1) == "r" then return nil, "File not found" end
    if type(stat) == "table" and stat.type == "directory" then return nil, "Is a directory" end
    local result, err = host.tmpfsOpen(0, user, full, mode)
    if result == nil then return nil, err end
    local binary = sub(mode, 2, 2) == "b"
    if sub(mode, 1, 1) == "r" then return kernel.filesystem.readhandle(process, result, binary) end
    return kernel.filesystem.writehandle(process, function(data, reset)
        if reset then host.tmpfsOpen(0, user, full, "w") end
        host.tmpfsAppend(0, user, full, data)
    end, binary)
end
function craftos:list(process, path) return tmpfs.list(disk0, process, onDisk(self, path)) end
function craftos:stat(process, path) return tmpfs.stat(disk0, process, onDisk(self, path)) end
function craftos:remove(process, path) return tmpfs.remove(disk0, process, onDisk(self, path)) end
function craftos:rename(process, from, to) return tmpfs.rename(disk0, process, onDisk(self, from), onDisk(self, to)) end
function craftos:mkdir(process, path) return tmpfs.mkdir(disk0, process, onDisk(self, path)) end
function craftos:chmod(process, path, user, mode) return tmpfs.chmod(disk0, process, onDisk(self, path), user, mode) end
function craftos:chown(process, path, user) return tmpfs.chown(disk0, process, onDisk(self, path), user) end
function craftos:info() return "craftos", self.source, {} end

kernel.filesystems.craftos = craftos
