-- /rom/modules/main/cc/expect.lua of the headless host: our own code, written from CC: Tweaked's documentation of
-- cc.expect (https://tweaked.cc/library/cc.expect.html), not from its ROM, whose licence forbids use outside the
-- game. Phoenix 0.0.1-0.0.8 load it at boot with a plain `load` and keep expect, field and range.
-- Behaviour kept from CC:T: errors are raised at the caller of the checked function (level 3) and name that function
-- when Lua knows its name; an optional type ("nil") is left out of the "expected" list; the module is callable.
local type, error, select, tostring, pcall, concat, format = type, error, select, tostring, pcall, table.concat, string.format
local getinfo = debug and debug.getinfo

-- "string", "string or number", "string, number or table": the allowed types, "nil" left out unless it is the only one.
local function typeNames(...)
    local names = {}
    for i = 1, select("#", ...) do
        local name = select(i, ...)
        if name ~= "nil" then names[#names + 1] = tostring(name) end
    end
    if #names == 0 then return "nil" end
    if #names == 1 then return names[1] end
    return concat(names, ", ", 1, #names - 1) .. " or " .. names[#names]
end

local function matches(value, ...)
    local actual = type(value)
    for i = 1, select("#", ...) do
        if actual == select(i, ...) then return true end
    end
    return false
end

-- Level 3 from here is the caller of the function whose argument is checked; its name, when Lua knows one.
local function callerName()
    if not getinfo then return nil end
    local ok, info = pcall(getinfo, 4, "n")
    if ok and info and info.name and info.name ~= "" then return info.name end
    return nil
end

local function expect(index, value, ...)
    if matches(value, ...) then return value end
    if type(index) ~= "number" then error("bad argument #1 (expected number, got " .. type(index) .. ")", 2) end
    local name = callerName()
    local where = name and ("bad argument #" .. index .. " to '" .. name .. "'") or ("bad argument #" .. index)
    error(where .. " (expected " .. typeNames(...) .. ", got " .. type(value) .. ")", 3)
end

local function field(tbl, index, ...)
    expect(1, tbl, "table")
    expect(2, index, "string")
    local value = tbl[index]
    if matches(value, ...) then return value end
    error("bad field '" .. index .. "' (expected " .. typeNames(...) .. ", got " .. type(value) .. ")", 3)
end

local huge = math.huge

local function range(num, min, max)
    expect(1, num, "number")
    min = expect(2, min, "number", "nil") or -huge
    max = expect(3, max, "number", "nil") or huge
    if num ~= num or num < min or num > max then
        error(format("number outside of range (expected %s to be within %s and %s)", num, min, max), 3)
    end
    return num
end

-- Callable since CC:T 1.96: expect(...) is expect.expect(...).
return setmetatable({ expect = expect, field = field, range = range }, {
    __call = function(_, ...) return expect(...) end,
})
