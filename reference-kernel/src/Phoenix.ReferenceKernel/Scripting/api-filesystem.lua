-- Clauses: none (Phoenix 0.0.9's kernel API for modules beyond the page: reference-kernel/KERNEL-API.md)
-- Mirrors: Phoenix 05-filesystem (the filesystem table, readhandle, writehandle, fifos), 10-lualib (the kernel's
-- Mirrors: loadfile and dofile), 25-linker (the kernel's require and package)
-- Kernel-side file access for modules: filesystem.<call>(process, ...) runs the kernel's own filesystem call as that
-- process (the syscalls' implementations as they were at boot, so a module that replaces syscalls.open does not
-- change filesystem.open, as in Phoenix); handles over data and writers; and loading Lua files from the VFS as the
-- kernel, text only, with the kernel-space environment. Files are read through mounts, never from the host.
local env, host, kernel = ...

local type, select, error, pairs, ipairs, tostring, pcall, setmetatable, load = type, select, error, pairs, ipairs, tostring, pcall, setmetatable, load
local getmetatable, next, rawget = getmetatable, next, rawget
local concat, pack, unpack = table.concat, table.pack, table.unpack
local format, gsub, match, find, sub, byte, char = string.format, string.gsub, string.match, string.find, string.sub, string.byte, string.char
local syscalls, KERNEL, expect = kernel.syscalls, kernel.KERNEL, kernel.apiExpect

local filesystem = {}
for _, name in ipairs({ "open", "list", "stat", "remove", "rename", "mkdir", "link", "mkfifo", "chmod", "chown",
    "mount", "unmount", "mountlist" }) do
    local call = syscalls[name]
    filesystem[name] = function(process, ...) return call(process, nil, ...) end
end
local combine = syscalls.combine
function filesystem.combine(...) return combine(KERNEL, nil, ...) end

local CLOSED = "attempt to use a closed file"

-- Handles these functions make carry Phoenix's metatable {__name = "file"}. Values from user code that have a
-- metatable arrive in the kernel as copies (usermode.lua, ADV-USER-FOREIGN-METAMETHODS), which would break modules that
-- key state by handle identity (compressfs passes its handle back through callmodule, as Phoenix passes tables by
-- reference). So a handle made here crosses back as itself while it is still only that: its metatable holds nothing
-- but __name = "file", and none of its keys or values is a table. Anything else takes the copying path.
local made = setmetatable({}, { __mode = "k" })
local function fileHandle(handle)
    made[handle] = true
    return setmetatable(handle, { __name = "file" })
end

local function untouched(value)
    if type(value) ~= "table" or not made[value] then return false end
    local mt = getmetatable(value)
    if type(mt) ~= "table" or next(mt) ~= "__name" or next(mt, "__name") ~= nil or rawget(mt, "__name") ~= "file" then return false end
    for key, entry in next, value do
        if type(key) == "table" or type(entry) == "table" then return false end
    end
    return true
end

local fromUser = kernel.fromUser
function kernel.fromUser(...)
    local values = pack(...)
    local kept = {}
    for i = 1, values.n do
        if untouched(values[i]) then kept[i], values[i] = values[i], nil end
    end
    if next(kept) == nil then return fromUser(...) end
    values = pack(fromUser(unpack(values, 1, values.n)))
    for i, handle in pairs(kept) do values[i] = handle end
    return unpack(values, 1, values.n)
end

-- readhandle(process, data, binary): a read handle over a string. Text mode reads characters, binary mode reads a
-- byte (as a number) or n bytes, and seeks. Every read past the end gives nil.
function filesystem.readhandle(process, data, binary)
    expect(2, data, "string")
    local pos, closed, emptyRead = 1, false, false
    local handle = {}
    local function open()
        if closed then error(CLOSED, 2) end
    end
    -- At the end: nil, except that an empty file reads as "" once.
    local function atEnd()
        if #data == 0 and not emptyRead then
            emptyRead = true
            return ""
        end
        return nil
    end
    function handle.readLine(keepNewline)
        open()
        if pos > #data then return atEnd() end
        local stop = find(data, "\n", pos, true)
        local line
        if stop then
            line = sub(data, pos, keepNewline and stop or stop - 1)
            pos = stop + 1
        else
            line = sub(data, pos)
            pos = #data + 1
        end
        return line
    end
    function handle.readAll()
        open()
        if pos > #data then return atEnd() end
        local rest = sub(data, pos)
        pos = #data + 1
        return rest
    end
    function handle.read(count)
        open()
        if count ~= nil and type(count) ~= "number" then
            error("bad argument #1 (expected number, got " .. type(count) .. ")", 2)
        end
        if pos > #data then return (count ~= nil or not binary) and atEnd() or nil end
        if binary and count == nil then
            pos = pos + 1
            return byte(data, pos - 1)
        end
        count = count or 1
        local piece = sub(data, pos, pos + count - 1)
        pos = pos + count
        return piece
    end
    function handle.close()
        open()
        closed = true
    end
    if binary then
        function handle.seek(whence, offset)
            open()
            whence, offset = whence or "cur", offset or 0
            if whence == "set" then pos = offset + 1
            elseif whence == "cur" then pos = pos + offset
            elseif whence == "end" then pos = math.max(#data - offset, 1)
            else error("Invalid whence", 2) end
            emptyRead = false
            return pos - 1
        end
    end
    return fileHandle(handle)
end

-- writehandle(process, writer, binary): a write handle that hands what is written to writer(data, reset). Text mode
-- buffers and calls writer(buffered, false) on flush and close. Binary mode keeps the whole file and a position:
-- appends reach the writer as (new data, false); after a seek that moved, the next flush or close sends
-- (whole file, true). writer runs where the handle is used: in a user thread, as that process.
function filesystem.writehandle(process, writer, binary)
    expect(2, writer, "function")
    local closed = false
    local handle = {}
    local function open()
        if closed then error(CLOSED, 2) end
    end
    if not binary then
        local buffer = {}
        function handle.write(value)
            open()
            buffer[#buffer + 1] = tostring(value)
        end
        function handle.writeLine(value)
            open()
            buffer[#buffer + 1] = tostring(value) .. "\n"
        end
        function handle.flush()
            open()
            local text = concat(buffer)
            buffer = {}
            writer(text, false)
        end
        function handle.close()
            handle.flush()
            closed = true
        end
        return fileHandle(handle)
    end
    local whole, pos, pending = "", 1, ""
    local function put(text)
        whole = sub(whole, 1, pos - 1) .. text .. sub(whole, pos + #text)
        pos = pos + #text
        if pending then pending = pending .. text end
    end
    local function piece(value, suffix)
        if type(value) == "number" then return char(value) .. suffix end
        if type(value) == "string" then return value .. suffix end
        error("bad argument #1 (expected string or number, got " .. type(value) .. ")", 3)
    end
    function handle.write(value)
        open()
        put(piece(value, ""))
    end
    function handle.writeLine(value)
        open()
        put(piece(value, "\n"))
    end
    function handle.seek(whence, offset)
        open()
        whence, offset = whence or "cur", offset or 0
        local before = pos
        if whence == "set" then pos = offset + 1
        elseif whence == "cur" then pos = pos + offset
        elseif whence == "end" then pos = math.max(#whole - offset, 1)
        else error("Invalid whence", 2) end
        if pos ~= before then pending = nil end
        return pos - 1
    end
    function handle.flush()
        open()
        if pending then writer(pending, false) else writer(whole, true) end
        pending = ""
    end
    function handle.close()
        handle.flush()
        closed = true
    end
    return fileHandle(handle)
end

-- fifohandle(process, fifo, mode): a handle on a FIFO object {data = string} that modules keep (in fifos, say).
-- Reads take from the front of fifo.data ("r", "rb": a byte as a number without n). Writes ("w", "a", "wb", "ab")
-- build on what fifo.data held when the handle opened and store it on flush and close, replacing fifo.data, as
-- Phoenix 0.0.9 does. Any other mode: nil, "Invalid mode". openfifo is its old name.
function filesystem.fifohandle(process, fifo, mode)
    expect(2, fifo, "table")
    expect(3, mode, "string")
    local closed = false
    local handle = {}
    local function open()
        if closed then error(CLOSED, 2) end
    end
    function handle.close()
        open()
        if handle.flush then handle.flush() end
        closed = true
    end
    if mode == "r" or mode == "rb" then
        local binary = mode == "rb"
        local function take(count)
            local piece = sub(fifo.data, 1, count)
            fifo.data = sub(fifo.data, count + 1)
            return piece
        end
        function handle.readLine(keepNewline)
            open()
            if #fifo.data == 0 then return nil end
            local stop = find(fifo.data, "\n", 1, true) or #fifo.data
            local line = take(stop)
            if not keepNewline and sub(line, -1) == "\n" then line = sub(line, 1, -2) end
            return line
        end
        function handle.readAll()
            open()
            if #fifo.data == 0 then return nil end
            return take(#fifo.data)
        end
        function handle.read(count)
            open()
            if count ~= nil and type(count) ~= "number" then
                error("bad argument #1 (expected number, got " .. type(count) .. ")", 2)
            end
            if #fifo.data == 0 then return nil end
            if binary and count == nil then return byte(take(1)) end
            return take(count or 1)
        end
        if binary then
            function handle.seek()
                open()
                return 0
            end
        end
    elseif mode == "w" or mode == "a" or mode == "wb" or mode == "ab" then
        local binary = #mode == 2
        local buffer = fifo.data
        local function append(value, suffix)
            if binary and type(value) == "number" then value = char(value)
            elseif binary and type(value) ~= "string" then
                error("bad argument #1 (expected string or number, got " .. type(value) .. ")", 3)
            end
            buffer = buffer .. tostring(value) .. suffix
        end
        function handle.write(value)
            open()
            append(value, "")
        end
        function handle.writeLine(value)
            open()
            append(value, "\n")
        end
        function handle.flush()
            open()
            fifo.data = buffer
        end
        if binary then
            function handle.seek()
                open()
                return #buffer
            end
        end
    else
        return nil, "Invalid mode"
    end
    return fileHandle(handle)
end
filesystem.openfifo = filesystem.fifohandle

env.filesystem = filesystem
kernel.filesystem = filesystem
-- Phoenix's built-in filesystems keep their FIFOs here; modules with FIFOs of their own share it.
env.fifos = {}

-- Reads a file as the kernel: its text, or nil and the error.
local function readFile(path)
    local file, err = filesystem.open(KERNEL, path, "rb")
    if not file then return nil, err end
    local text = file.readAll()
    file.close()
    return text or ""
end

-- loadfile(path, mode?, env?) and dofile(path): the kernel's own, reading through the VFS as KERNEL. Chunks are
-- text only (the sandbox's load refuses binary ones) and get the kernel-space environment unless given another.
function env.loadfile(path, mode, chunkEnv)
    if chunkEnv == nil and type(mode) == "table" then chunkEnv, mode = mode, nil end
    expect(1, path, "string")
    expect(2, mode, "string", "nil")
    expect(3, chunkEnv, "table", "nil")
    local text, err = readFile(path)
    if not text then error(err, 2) end
    return load(text, "@" .. path, "t", chunkEnv or env)
end

function env.dofile(path)
    expect(1, path, "string")
    local chunk, err = env.loadfile(path)
    if not chunk then error(err, 2) end
    return chunk()
end

-- The kernel's require (25-linker, 0.0.6+): package.preload, then package.path through the VFS as KERNEL, then
-- archives on package.libpath, then the folder of the file (or the archive) being loaded. A file must be root-owned and writable by no one else ("Insecure file
-- permissions"), as for modules. package.loaded starts with the kernel's global tables, as in Phoenix.
-- Library archives on package.libpath (lib?.a, ar format): "require 'lib.member'" or "require 'lib-member'".
local package = {
    path = "/lib/?.lua;/lib/?/init.lua;/usr/lib/?.lua;/usr/lib/?/init.lua",
    libpath = "/lib/lib?.a;/usr/lib/lib?.a",
    config = "/\n;\n?\n!\n-",
    loaded = {}, preload = {}, forceload = false,
}
for name, value in pairs(env) do
    if type(value) == "table" then package.loaded[name] = value end
end
local loaded = package.loaded
local LOADING = setmetatable({}, { __newindex = function() end, __metatable = false })
local localLoaders = {}

function package.searchpath(name, path, sep, rep)
    expect(1, name, "string")
    expect(2, path, "string")
    expect(3, sep, "string", "nil")
    expect(4, rep, "string", "nil")
    sep = gsub(sep or ".", "%p", "%%%0")
    rep = gsub(rep or "/", "%%", "%%%%")
    local file = gsub(name, sep, rep)
    local tried = {}
    for template in string.gmatch(path, "[^;]+") do
        local candidate = gsub(template, "%?", (gsub(file, "%%", "%%%%")))
        local handle, err = filesystem.open(KERNEL, candidate, "r")
        if handle then
            handle.close()
            return candidate
        end
        tried[#tried + 1] = "\t" .. candidate .. ": " .. tostring(err) .. "\n"
    end
    return nil, concat(tried)
end

local function secure(path)
    local stat, err = filesystem.stat(KERNEL, path)
    if not stat then error(path .. ": " .. tostring(err), 0) end
    local insecure = stat.owner ~= "root" or (type(stat.worldPermissions) == "table" and stat.worldPermissions.write)
    for user, bits in pairs(type(stat.permissions) == "table" and stat.permissions or {}) do
        if user ~= "root" and type(bits) == "table" and bits.write then insecure = true end
    end
    if insecure then error(path .. ": Insecure file permissions", 0) end
end

local function fileLoader(name, path)
    secure(path)
    local text, err = readFile(path)
    if not text then error(path .. ": " .. tostring(err), 0) end
    local chunk, loadErr = load(text, "@" .. path, "t", env)
    if not chunk then error(path .. ": " .. loadErr, 0) end
    local dir = match(path, "^(.*)/[^/]*$") or "/"
    localLoaders[#localLoaders + 1] = function(other)
        local found, why = package.searchpath(other, dir .. "/?.lua;" .. dir .. "/?/init.lua")
        if not found then return nil, why end
        return fileLoader, found
    end
    local result = pack(pcall(chunk, name))
    localLoaders[#localLoaders] = nil
    if not result[1] then error(path .. ": " .. tostring(result[2]), 0) end
    return result[2]
end

-- ar archives (package.libpath, "lib?.a"): members by name. GNU names ("name/", "/N" into the "//" table) and BSD
-- names ("#1/len", the name first in the member's data); symbol tables ("/", "/SYM64/") are left out.
local function readArchive(data, path)
    if sub(data, 1, 8) ~= "!<arch>\n" then error(path .. ": Not an ar archive", 0) end
    local members, longNames, pos = {}, nil, 9
    while pos <= #data do
        if sub(data, pos, pos) == "\n" then
            pos = pos + 1
        else
            local header = sub(data, pos, pos + 59)
            if #header < 60 or sub(header, 59, 60) ~= "`\n" then error(path .. ": Invalid ar header at byte " .. (pos - 1), 0) end
            local name = match(sub(header, 1, 16), "^(.-)%s*$")
            local size = tonumber(match(sub(header, 49, 58), "^%s*(%d+)%s*$"))
            if not size then error(path .. ": Invalid ar member size at byte " .. (pos - 1), 0) end
            local body = sub(data, pos + 60, pos + 59 + size)
            pos = pos + 60 + size
            local bsd = tonumber(match(name, "^#1/(%d+)$"))
            if name == "//" then
                longNames = body
            elseif name ~= "/" and name ~= "/SYM64/" then
                if bsd then
                    name, body = sub(body, 1, bsd), sub(body, bsd + 1)
                elseif find(name, "^/%d+$") then
                    name = longNames and match(longNames, "^([^/\n]*)", tonumber(sub(name, 2)) + 1)
                    if not name then error(path .. ": ar member names a missing long-name table", 0) end
                else
                    name = gsub(name, "/$", "")
                end
                members[name] = body
            end
        end
    end
    return members
end

-- Loads a member of a library archive: "path\0member", or the part of the name after "-", or "init". While it runs,
-- its own requires find the archive's other members (a local loader).
local function libraryLoader(name, arg)
    local path, member
    local zero = find(arg, "\0", 1, true)
    if zero then
        path, member = sub(arg, 1, zero - 1), sub(arg, zero + 1)
    else
        path, member = arg, match(name, "%-(.*)$") or "init"
    end
    secure(path)
    local text, err = readFile(path)
    if not text then error(path .. ": " .. tostring(err), 0) end
    local archive = readArchive(text, path)
    local function preload(wanted)
        local source = archive[wanted .. ".lua"]
        if not source then error(path .. ":" .. wanted .. ".lua: File not found", 0) end
        local chunk, loadErr = load(source, "@" .. path .. ":" .. wanted .. ".lua", "t", env)
        if not chunk then error(path .. ":" .. wanted .. ".lua: " .. loadErr, 0) end
        local ok, result = pcall(chunk, wanted)
        if not ok then error(path .. ":" .. wanted .. ".lua: " .. tostring(result), 0) end
        return result
    end
    localLoaders[#localLoaders + 1] = function(other) return preload, other end
    local ok, result = pcall(preload, member)
    localLoaders[#localLoaders] = nil
    if not ok then error(result, 0) end
    return result
end

package.searchers = {
    function(name)
        local preloader = package.preload[name]
        if preloader then return preloader end
        return nil, "\tpackage.preload['" .. name .. "']: No such field\n"
    end,
    function(name)
        local path, err = package.searchpath(name, package.path)
        if not path then return nil, err end
        return fileLoader, path, path
    end,
    function(name)
        local base = match(name, "^[^%-]*")
        local path, err = package.searchpath(base, package.libpath)
        if not path then return nil, err end
        return libraryLoader, path, path .. ":" .. (match(name, "%-(.+)$") or "init")
    end,
    function(name)
        if not find(name, ".", 1, true) then return nil end
        local path, err = package.searchpath(match(name, "^[^%.]*"), package.libpath)
        if not path then return nil, err end
        local member = match(name, "^[^%.]*%.(.*)$")
        return libraryLoader, path .. "\0" .. member, path .. ":" .. member
    end,
    function(name)
        if #localLoaders > 0 then return localLoaders[#localLoaders](name) end
        return nil, "\tno local loaders found"
    end,
}

local function remember(key, value)
    if value ~= nil then loaded[key] = value elseif loaded[key] == LOADING then loaded[key] = true end
end

function env.require(name)
    expect(1, name, "string")
    local err = "module '" .. name .. "' not found:\n"
    local loader, arg, pathname
    for _, searcher in ipairs(package.searchers) do
        loader, arg, pathname = searcher(name)
        if loader then break end
        err = err .. (arg or "")
    end
    if not loader then error(err, 2) end
    -- As in Phoenix, a file found on the path is known by its path; a preloaded module by its name.
    local key = pathname or name
    if loaded[key] == LOADING then error("loop detected loading '" .. name .. "'", 2) end
    if loaded[key] ~= nil and not package.forceload then return loaded[key] end
    if pathname then loaded[pathname] = LOADING end
    loaded[name] = LOADING
    local ok, result = pcall(loader, name, arg)
    if not ok then
        loaded[name] = nil
        if pathname then loaded[pathname] = nil end
        error(err .. "\t" .. tostring(result) .. "\n", 2)
    end
    remember(name, result)
    if pathname then remember(pathname, result) end
    return loaded[name]
end

env.package = package
