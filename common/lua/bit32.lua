-- Clauses: none (a library both ComputerCraft simulations need: the CraftOS host's bios and the reference kernel's
-- Clauses: kernel space; each embeds this file and runs it in its own state)
-- Mirrors: Phoenix 00-init (bit32 made sure of in kernel space) and CC:Tweaked's bit32
-- bit32 (Lua 5.4 has none): every argument is floored and reduced modulo 2^32, floats and values past 2^32
-- included, as CC:T's bit32 does. Phoenix's LCG passes products of about 2^48. Returns the library table.
local type, select, error = type, select, error
local floor, fmod, mtype, tointeger = math.floor, math.fmod, math.type, math.tointeger

local M = 0xFFFFFFFF
local function u(x, n)
    if type(x) ~= "number" then error("bad argument #" .. n .. " (expected number, got " .. type(x) .. ")", 3) end
    x = floor(x)
    if mtype(x) == "float" then
        x = fmod(x, 4294967296.0)
        if x < 0 then x = x + 4294967296.0 end
        return tointeger(x) or 0
    end
    return x & M
end
local function fold(op, init)
    return function(...)
        local r = init
        for i = 1, select("#", ...) do r = op(r, u((select(i, ...)), i)) end
        return r
    end
end
local bit32 = {}
bit32.band = fold(function(a, b) return a & b end, M)
bit32.bor = fold(function(a, b) return a | b end, 0)
bit32.bxor = fold(function(a, b) return a ~ b end, 0)
bit32.btest = function(...) return bit32.band(...) ~= 0 end
bit32.bnot = function(x) return ~u(x, 1) & M end
bit32.lshift = function(x, n)
    x, n = u(x, 1), floor(n)
    if n < 0 then return bit32.rshift(x, -n) end
    return n >= 32 and 0 or (x << n) & M
end
bit32.rshift = function(x, n)
    x, n = u(x, 1), floor(n)
    if n < 0 then return bit32.lshift(x, -n) end
    return n >= 32 and 0 or x >> n
end
bit32.arshift = function(x, n)
    x, n = u(x, 1), floor(n)
    if n <= 0 then return bit32.lshift(x, -n) end
    if x & 0x80000000 == 0 then return n >= 32 and 0 or x >> n end
    return n >= 32 and M or ((x >> n) | ~(M >> n)) & M
end
bit32.lrotate = function(x, n)
    x, n = u(x, 1), floor(n) % 32
    return ((x << n) | (x >> (32 - n))) & M
end
bit32.rrotate = function(x, n) return bit32.lrotate(x, -floor(n)) end
local function field(f, w)
    f, w = floor(f), floor(w or 1)
    if f < 0 then error("field cannot be negative", 3) end
    if w <= 0 then error("width must be positive", 3) end
    if f + w > 32 then error("trying to access non-existent bits", 3) end
    return f, w
end
bit32.extract = function(x, f, w)
    x = u(x, 1)
    f, w = field(f, w)
    return (x >> f) & ((1 << w) - 1)
end
bit32.replace = function(x, v, f, w)
    x, v = u(x, 1), u(v, 2)
    f, w = field(f, w)
    local mask = ((1 << w) - 1) << f
    return (x & ~mask | (v << f) & mask) & M
end
return bit32
