-- Clauses: none (a library both ComputerCraft simulations need: the CraftOS host's bios and the reference kernel's
-- Clauses: kernel space; each embeds this file and runs it in its own state)
-- Mirrors: Lua 5.2's math.frexp and math.ldexp, which ComputerCraft's Lua keeps and Lua 5.4 dropped (deflateans, the
-- compression library compressfs loads, calls frexp when it compresses). Returns { frexp = ..., ldexp = ... }.
local type, error = type, error
local abs, floor, log, huge = math.abs, math.floor, math.log, math.huge

local function number(x, n)
    if type(x) ~= "number" then error("bad argument #" .. n .. " (expected number, got " .. type(x) .. ")", 3) end
    return x
end

-- frexp(x) gives m, e with x = m * 2^e and 0.5 <= |m| < 1; 0, infinities and NaN give x, 0.
local function frexp(x)
    number(x, 1)
    if x == 0 or x ~= x or x == huge or x == -huge then return x, 0 end
    local e = floor(log(abs(x), 2)) + 1
    local m = (x / 2.0 ^ (e - 1)) / 2
    -- log's rounding can leave m a factor of two out of range either way.
    if abs(m) >= 1 then m, e = m / 2, e + 1 elseif abs(m) < 0.5 then m, e = m * 2, e - 1 end
    return m, e
end

-- ldexp(m, e) = m * 2^e, in two halves so that a subnormal result or a huge e does not overflow on the way.
local function ldexp(m, e)
    number(m, 1)
    number(e, 2)
    local half = e // 2
    return m * 2.0 ^ half * 2.0 ^ (e - half)
end

return { frexp = frexp, ldexp = ldexp }
