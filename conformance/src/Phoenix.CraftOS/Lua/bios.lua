-- The host's bios: runs once per boot in a host-private environment, with the guest's global table, the table of
-- native (C#) functions and the configuration. It fills the guest globals with what a kernel sees after a
-- bootloader such as UnBIOS: fs, term, os, peripheral, redstone, bit32, math.frexp/ldexp, _HOST and _HEADLESS. Kernel code only ever
-- holds the closures made here, never `native`.
-- Kernels swap the metatables of strings and numbers per process (Phoenix does), so nothing here calls methods on
-- strings: every library function is captured as a local first.
local G, native, config, loadBit32, loadMath52, hostYield = ...
local type, error, select, pairs, tostring = type, error, select, pairs, tostring
local floor, fmod, tointeger, mtype = math.floor, math.fmod, math.tointeger, math.type
local yield = coroutine.yield
local engineDate, engineTime = G.os.date, G.os.time

G._HOST = config.host
if config.headless then G._HEADLESS = true end

-- fs ---------------------------------------------------------------------------------------------------------
local fs = {}
for _, name in pairs({ "combine", "getName", "getDir", "exists", "isDir", "isReadOnly", "getDrive", "list", "getSize",
    "getFreeSpace", "getCapacity", "makeDir", "delete", "move", "copy", "attributes" }) do
    fs[name] = native["fs_" .. name]
end

function fs.open(path, mode)
    if type(path) ~= "string" then error("bad argument #1 (expected string, got " .. type(path) .. ")", 2) end
    if type(mode) ~= "string" then error("bad argument #2 (expected string, got " .. type(mode) .. ")", 2) end
    local id, binary, canRead, canWrite, isPort = native.fs_open(path, mode)
    if not id then return nil, binary end
    local h = {}
    if canRead then
        h.read = function(count) return native.h_read(id, count) end
        h.readLine = function(withTrailing) return native.h_readLine(id, withTrailing) end
        h.readAll = function() return native.h_readAll(id) end
    end
    if canWrite then
        h.write = function(value) native.h_write(id, value) end
        h.writeLine = function(value)
            native.h_write(id, value)
            native.h_write(id, "\n")
        end
        h.flush = function() native.h_flush(id) end
    end
    h.seek = function(whence, offset) return native.h_seek(id, whence, offset) end
    h.close = function() native.h_close(id) end
    if isPort then
        -- The host port (Port/HostPort.cs): values cross as data, not through the screen.
        h.send = function(...) native.port_send(...) end
        h.receive = function() return native.port_receive() end
        h.arm = function(key, timer) native.port_arm(key, timer) end
        -- park(key): waits in the host for the next message, in the middle of the kernel's work; true when one waits
        -- in the port for this program, false when it should wait the kernel's way (or cannot wait here).
        h.park = function(key)
            if type(key) ~= "string" then error("bad argument #1 (expected string, got " .. type(key) .. ")", 2) end
            return hostYield(key) == true
        end
    end
    return h
end
G.fs = fs

-- term -------------------------------------------------------------------------------------------------------
local term = {}
for _, name in pairs({ "write", "blit", "clear", "clearLine", "scroll", "getSize", "getCursorPos", "setCursorPos",
    "setCursorBlink", "getCursorBlink" }) do
    term[name] = native["term_" .. name]
end
for _, name in pairs({ "TextColour", "BackgroundColour", "PaletteColour" }) do
    term["set" .. name], term["get" .. name] = native["term_set" .. name], native["term_get" .. name]
    local us = name:gsub("Colour", "Color")
    term["set" .. us], term["get" .. us] = native["term_set" .. name], native["term_get" .. name]
end
term.nativePaletteColour = native.term_nativePaletteColour
term.nativePaletteColor = native.term_nativePaletteColour
term.isColour = function() return true end
term.isColor = term.isColour
G.term = term

-- os ---------------------------------------------------------------------------------------------------------
local os = G.os
local epoch = native.os_epoch
os.epoch = epoch
os.clock = native.os_clock
os.day = native.os_day
os.startTimer = native.os_startTimer
os.cancelTimer = native.os_cancelTimer
os.queueEvent = native.os_queueEvent
os.shutdown = native.os_shutdown
os.reboot = native.os_reboot
os.getComputerID = native.os_getComputerID
os.computerID = native.os_getComputerID
os.getComputerLabel = native.os_getComputerLabel
os.computerLabel = native.os_getComputerLabel
os.setComputerLabel = native.os_setComputerLabel
os.time = function(arg)
    if type(arg) == "table" then return engineTime(arg) end
    if arg == "utc" or arg == "local" then return epoch("utc") // 1000 end
    if arg == nil or arg == "ingame" then return native.os_time() end
    error("Unsupported operation", 2)
end
-- The engine's os.date already floors fractional times (Phoenix logs with epoch_ms / 1000); the default time is the
-- virtual clock's, not the host's.
os.date = function(format, time) return engineDate(format or "%c", time or epoch("utc") // 1000) end
os.setAlarm = function() return native.os_startTimer(1e9) end
os.cancelAlarm = native.os_cancelTimer
os.pullEventRaw = function(filter) return yield(filter) end
os.pullEvent = function(filter)
    local event = table.pack(yield(filter))
    if event[1] == "terminate" then error("Terminated", 0) end
    return table.unpack(event, 1, event.n)
end
os.version = function() return "CraftOS 1.9" end

-- peripheral -------------------------------------------------------------------------------------------------
G.peripheral = {
    isPresent = native.p_isPresent, getType = native.p_getType, hasType = native.p_hasType,
    getMethods = native.p_getMethods, call = native.p_call, getNames = native.p_getNames,
}

-- redstone: outputs are remembered, inputs are all off (nothing drives them yet) -----------------------------
local sides = { "top", "bottom", "left", "right", "front", "back" }
local isSide = {}
for _, s in pairs(sides) do isSide[s] = true end
local analogOut, bundledOut = {}, {}
local function side(s)
    if not isSide[s] then error("bad argument #1 (unknown option " .. tostring(s) .. ")", 3) end
    return s
end
local redstone = {
    getSides = function() return { table.unpack(sides) } end,
    getInput = function(s) side(s) return false end,
    getAnalogInput = function(s) side(s) return 0 end,
    getBundledInput = function(s) side(s) return 0 end,
    setOutput = function(s, on) analogOut[side(s)] = on and 15 or 0 end,
    getOutput = function(s) return (analogOut[side(s)] or 0) > 0 end,
    setAnalogOutput = function(s, v) analogOut[side(s)] = floor(v) end,
    getAnalogOutput = function(s) return analogOut[side(s)] or 0 end,
    setBundledOutput = function(s, v) bundledOut[side(s)] = floor(v) end,
    getBundledOutput = function(s) return bundledOut[side(s)] or 0 end,
    testBundledInput = function(s) side(s) return false end,
}
redstone.setAnalogueOutput, redstone.getAnalogueOutput = redstone.setAnalogOutput, redstone.getAnalogOutput
redstone.getAnalogueInput = redstone.getAnalogInput
G.redstone, G.rs = redstone, redstone

-- bit32 (Lua 5.4 has none): the shared library common/lua/bit32.lua, loaded by the host and run here.
G.bit32 = loadBit32()

-- math.frexp and math.ldexp (Lua 5.2's, which ComputerCraft's Lua keeps and Lua 5.4 dropped): the shared library
-- common/lua/math52.lua, as for bit32. deflateans (compressfs's compressor) calls frexp.
local math52 = loadMath52()
G.math.frexp, G.math.ldexp = math52.frexp, math52.ldexp

-- http, as on a computer with no network: the API is there (Phoenix 0.0.1-0.0.8 index http.request at load), a URL
-- is checked as CC: Tweaked does, and every well-formed request fails the way CC:T reports a host it cannot resolve
-- ("Unknown host"): at once for the blocking calls, as http_failure / http_check / websocket_failure for the async ones.
local unreachable = "Unknown host"
local function checkUrl(url, schemes)
    if type(url) ~= "string" then error("bad argument #1 (expected string, got " .. type(url) .. ")", 3) end
    local scheme, host = string.match(url, "^(%a[%w+.-]*)://([^/?#]*)")
    if not scheme or host == "" then return false, "URL malformed" end
    if not schemes[string.lower(scheme)] then return false, "Invalid protocol '" .. scheme .. "'" end
    return true
end
local web, sockets = { http = true, https = true }, { ws = true, wss = true }
local function requestUrl(first)
    if type(first) == "table" then return first.url end
    return first
end
G.http = {
    checkURL = function(url)
        local ok, err = checkUrl(url, web)
        if not ok then return false, err end
        return false, unreachable
    end,
    checkURLAsync = function(url)
        local ok, err = checkUrl(url, web)
        if not ok then return false, err end
        native.os_queueEvent("http_check", url, false, unreachable)
        return true
    end,
    request = function(first, ...)
        local url = requestUrl(first)
        local ok, err = checkUrl(url, web)
        if not ok then return false, err end
        native.os_queueEvent("http_failure", url, unreachable)
        return true
    end,
    get = function(first, ...)
        local ok, err = checkUrl(requestUrl(first), web)
        return nil, ok and unreachable or err
    end,
    post = function(first, ...)
        local ok, err = checkUrl(requestUrl(first), web)
        return nil, ok and unreachable or err
    end,
    websocket = function(first, ...)
        local ok, err = checkUrl(requestUrl(first), sockets)
        return false, ok and unreachable or err
    end,
    websocketAsync = function(first, ...)
        local url = requestUrl(first)
        local ok, err = checkUrl(url, sockets)
        if not ok then return false, err end
        native.os_queueEvent("websocket_failure", url, unreachable)
        return true
    end,
}

-- debug.getfenv / debug.setfenv, as Lua 5.1-era CC VMs have them (Phoenix 0.0.1-0.0.4 key a table by them
-- unguarded): a function's environment is its _ENV upvalue. Built on the guest's own debug library, so the engine's and
-- the host's functions stay sealed; the holder that setfenv joins is guest code, not host code, for the same reason.
local dbg = G.debug
if type(dbg) == "table" and dbg.getupvalue and dbg.upvaluejoin then
    local getupvalue, upvaluejoin = dbg.getupvalue, dbg.upvaluejoin
    local holder = G.load("local env = ... return function() return env end", "=debug.setfenv", "t", {})
    local function envIndex(f)
        for i = 1, 255 do
            local name = getupvalue(f, i)
            if name == nil then return nil end
            if name == "_ENV" then return i end
        end
    end
    dbg.getfenv = function(o)
        if type(o) ~= "function" then return nil end
        local i = envIndex(o)
        if not i then return nil end
        local _, env = getupvalue(o, i)
        return env
    end
    dbg.setfenv = function(o, env)
        if type(env) ~= "table" then error("bad argument #2 (expected table, got " .. type(env) .. ")", 2) end
        local i = type(o) == "function" and envIndex(o)
        if i then upvaluejoin(o, i, holder(env), 1) end
        return o
    end
end

-- load with an explicit nil environment gives the chunk the global environment, as on CC: Tweaked (stock Lua 5.4
-- gives it a nil _ENV). Phoenix's kernel loadfile passes its optional env straight on (load(data, name, mode, env)),
-- so its dofile, and every module that loads a library with it (the stock image's luz), depends on it.
do
    local load = G.load
    G.load = function(chunk, name, mode, env)
        if env == nil then return load(chunk, name, mode) end
        return load(chunk, name, mode, env)
    end
end

-- Not CC: the guest must not see host scaffolding. _CC_VERSION stays undefined on purpose (CC:T has none, and
-- Phoenix compares it as a string: "1.87.0" <= "1.109.0" is false).
G._CC_VERSION = nil
