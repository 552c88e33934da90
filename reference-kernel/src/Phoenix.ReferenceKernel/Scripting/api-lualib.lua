-- Clauses: none (Phoenix 0.0.9's kernel API for modules beyond the page: reference-kernel/KERNEL-API.md)
-- Mirrors: Phoenix 00-init (bit32 made sure of in kernel space: "this is a Lua 5.2 environment"); the CraftOS
-- Mirrors: globals Phoenix's kernel space keeps (os.epoch, os.getComputerID, term, Lua 5.2's math.frexp/ldexp)
-- Libraries Phoenix's kernel space has beyond Lua 5.4's: bit32, which Phoenix keeps for modules written for
-- ComputerCraft's Lua 5.2 (luz's decompressor uses it), and the parts of ComputerCraft's os that modules read at load.
-- bit32 is common/lua/bit32.lua, the library the CraftOS host's bios runs too (kernel.loadBit32, set by the kernel);
-- math.frexp/ldexp likewise common/lua/math52.lua (kernel.loadMath52).
local env, host, kernel = ...

local type, error = type, error

env.bit32 = kernel.loadBit32()

-- os.epoch(locale?): a simulated clock, so runs are reproducible: it starts at the kernel's boot epoch and moves one
-- millisecond every EPOCH_READS reads. The step is prime and over 256 so that code sampling the clock in tight loops
-- (ccryptolib's timing seed, which encryptfs runs at load, reads it 256 times in a row and wants a tick to fall at
-- varied places) finishes, the same way every run. "nano" (CraftOS-PC) gives nanoseconds.
local EPOCH_READS = 331
local reads = 0
local LOCALES = { utc = true, ingame = true, ["local"] = true, nano = true }
function env.os.epoch(locale)
    locale = locale == nil and "ingame" or locale
    if type(locale) ~= "string" then error("bad argument #1 (expected string, got " .. type(locale) .. ")", 2) end
    if not LOCALES[locale] then error("Unsupported operation", 2) end
    reads = reads + 1
    local ms = host.epochMs + reads // EPOCH_READS
    if locale == "nano" then return ms * 1000000 end
    return ms
end

-- The computer's ID: the device tree's root is the computer, id "0" (facts §5.1).
function env.os.getComputerID() return 0 end

-- term: a headless native terminal, 51x19 in colour like a ComputerCraft computer's, that keeps its cursor and colours
-- and draws nowhere (the reference kernel has no screen). Phoenix's kernel space keeps CraftOS's term; like any
-- terminal without CraftOS-PC's graphics mode, this one has no setGraphicsMode, so gfxterm refuses at load as it does
-- on Phoenix without one.
local expect = env.expect
local WIDTH, HEIGHT = 51, 19
local cursorX, cursorY, blink, textColor, backgroundColor = 1, 1, false, 1, 32768
local function colour(value)
    expect(1, value, "number")
    if value < 1 or value > 32768 or value ~= math.floor(value) then error("Invalid color", 3) end
    return value
end
local term = {}
function term.write(text) cursorX = cursorX + #tostring(text) end
function term.blit(text, fg, bg)
    expect(1, text, "string")
    expect(2, fg, "string")
    expect(3, bg, "string")
    if #fg ~= #text or #bg ~= #text then error("Arguments must be the same length", 2) end
    cursorX = cursorX + #text
end
function term.clear() end
function term.clearLine() end
function term.scroll(lines) expect(1, lines, "number") end
function term.getCursorPos() return cursorX, cursorY end
function term.setCursorPos(x, y)
    expect(1, x, "number")
    expect(2, y, "number")
    cursorX, cursorY = math.floor(x), math.floor(y)
end
function term.getCursorBlink() return blink end
function term.setCursorBlink(on)
    expect(1, on, "boolean")
    blink = on
end
function term.getSize() return WIDTH, HEIGHT end
function term.isColor() return true end
function term.getTextColor() return textColor end
function term.setTextColor(value) textColor = colour(value) end
function term.getBackgroundColor() return backgroundColor end
function term.setBackgroundColor(value) backgroundColor = colour(value) end
function term.native() return term end
term.current = term.native
term.isColour, term.getTextColour, term.setTextColour = term.isColor, term.getTextColor, term.setTextColor
term.getBackgroundColour, term.setBackgroundColour = term.getBackgroundColor, term.setBackgroundColor
env.term = term

-- math.frexp and math.ldexp: Lua 5.2's, which ComputerCraft's Lua keeps and Lua 5.4 dropped: common/lua/math52.lua,
-- the library the CraftOS host's bios runs too (kernel.loadMath52, set by the kernel).
local math52 = kernel.loadMath52()
env.math.frexp, env.math.ldexp = math52.frexp, math52.ldexp
