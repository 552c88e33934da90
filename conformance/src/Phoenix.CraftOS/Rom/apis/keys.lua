-- /rom/apis/keys.lua of the headless host, our own code: key names to the GLFW key codes CC:Tweaked uses, and
-- keys.getName. Kernels such as Phoenix run this file to build their key table.
local expect = dofile and dofile("rom/modules/main/cc/expect.lua")
expect = type(expect) == "table" and expect.expect or function() end

local tKeys = {}
tKeys[32] = "space"
tKeys[39] = "apostrophe"
tKeys[44] = "comma"
tKeys[45] = "minus"
tKeys[46] = "period"
tKeys[47] = "slash"
local digits = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" }
for i, name in ipairs(digits) do tKeys[47 + i] = name end
tKeys[59] = "semicolon"
tKeys[61] = "equals"
for i = 0, 25 do tKeys[65 + i] = string.char(97 + i) end
tKeys[91] = "leftBracket"
tKeys[92] = "backslash"
tKeys[93] = "rightBracket"
tKeys[96] = "grave"
local named = {
    [256] = "escape", [257] = "enter", [258] = "tab", [259] = "backspace", [260] = "insert", [261] = "delete",
    [262] = "right", [263] = "left", [264] = "down", [265] = "up", [266] = "pageUp", [267] = "pageDown",
    [268] = "home", [269] = "end", [280] = "capsLock", [281] = "scrollLock", [282] = "numLock",
    [283] = "printScreen", [284] = "pause", [335] = "numPadEnter", [330] = "numPadDecimal",
    [331] = "numPadDivide", [332] = "numPadMultiply", [333] = "numPadSubtract", [334] = "numPadAdd",
    [336] = "numPadEqual", [340] = "leftShift", [341] = "leftCtrl", [342] = "leftAlt", [343] = "leftSuper",
    [344] = "rightShift", [345] = "rightCtrl", [346] = "rightAlt", [348] = "menu",
}
for code, name in pairs(named) do tKeys[code] = name end
for i = 1, 25 do tKeys[289 + i] = "f" .. i end
for i = 0, 9 do tKeys[320 + i] = "numPad" .. i end

local keys = _ENV
for code, name in pairs(tKeys) do keys[name] = code end
keys["return"] = keys.enter

function getName(code)
    expect(1, code, "number")
    return tKeys[code]
end
