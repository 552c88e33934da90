-- /rom/apis/textutils.lua of the headless host: our own code, written from CC: Tweaked's documentation of textutils
-- (https://tweaked.cc/module/textutils.html), not from its ROM, whose licence forbids use outside the game. It is an
-- API file: its globals are the API (os.loadAPI's convention), and Phoenix 0.0.1-0.0.8 run it in an environment of
-- their own at boot and keep `serialize` and `unserialize`. Only the data functions are here: serialise and
-- unserialise (Lua), serialiseJSON and unserialiseJSON, urlEncode; nothing that draws on the terminal.
-- Kernels swap the string metatable per process, so nothing here calls methods on strings.
local type, error, pairs, ipairs, next, tostring, select = type, error, pairs, ipairs, next, tostring, select
local format, byte, char, sub, find, gsub, match = string.format, string.byte, string.char, string.sub, string.find,
    string.gsub, string.match
local concat, huge, floor, mtype = table.concat, math.huge, math.floor, math.type
local load, pcall, tonumber, setmetatable = load, pcall, tonumber, setmetatable

-- Argument checks with cc.expect's messages, without depending on how the caller provides `dofile`.
local function check(index, value, ...)
    local actual = type(value)
    for i = 1, select("#", ...) do
        if actual == select(i, ...) then return value end
    end
    local names = {}
    for i = 1, select("#", ...) do
        if select(i, ...) ~= "nil" then names[#names + 1] = select(i, ...) end
    end
    local expected = #names > 1 and concat(names, ", ", 1, #names - 1) .. " or " .. names[#names] or names[1]
    error(format("bad argument #%d (expected %s, got %s)", index, expected, actual), 3)
end

local keywords = {}
for _, word in ipairs({ "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }) do
    keywords[word] = true
end

-- %q, kept on one line: Lua 5.4 writes a newline as a backslash followed by a real newline.
local function quote(s)
    return (gsub(format("%q", s), "\\\n", "\\n"))
end

-- Numbers read back as the same number of the same subtype: floats keep a "." or exponent and every bit (the
-- shortest of %.14g and %.17g that round trips), and the smallest integer, which has no literal, is an expression.
local function number(n)
    if mtype(n) == "integer" then
        return n == math.mininteger and "(-9223372036854775807-1)" or format("%d", n)
    end
    if n ~= n then return "0/0" end
    if n == huge then return "1/0" end
    if n == -huge then return "-1/0" end
    local text = format("%.14g", n)
    if tonumber(text) ~= n then text = format("%.17g", n) end
    if not find(text, "[.eE]") then text = text .. ".0" end
    return text
end

-- Lua text for `value`. `open` holds the tables being written (a table inside itself is an error); `done` those already
-- written, which may not appear again unless opts.allow_repetitions.
local function luaText(value, indent, opts, open, done)
    local kind = type(value)
    if kind == "string" then return quote(value) end
    if kind == "number" then return number(value) end
    if kind == "boolean" or kind == "nil" then return tostring(value) end
    if kind ~= "table" then error("Cannot serialize type " .. kind, 0) end
    if open[value] then error("Cannot serialize table with recursive entries", 0) end
    if done[value] and not opts.allow_repetitions then error("Cannot serialize table with repeated entries", 0) end
    if next(value) == nil then
        done[value] = true
        return "{}"
    end
    open[value] = true
    local compact = opts.compact
    local inner = compact and "" or indent .. "  "
    local nl, eq = compact and "" or "\n", compact and "=" or " = "
    local parts = { "{", nl }
    local listed = {}
    for i, v in ipairs(value) do
        listed[i] = true
        parts[#parts + 1] = inner .. luaText(v, inner, opts, open, done) .. "," .. nl
    end
    for k, v in pairs(value) do
        if not listed[k] then
            local key
            if type(k) == "string" and not keywords[k] and match(k, "^[%a_][%w_]*$") then
                key = k
            else
                key = (compact and "[" or "[ ") .. luaText(k, inner, opts, open, done) .. (compact and "]" or " ]")
            end
            parts[#parts + 1] = inner .. key .. eq .. luaText(v, inner, opts, open, done) .. "," .. nl
        end
    end
    parts[#parts + 1] = indent .. "}"
    open[value] = nil
    done[value] = true
    return concat(parts)
end

--- Lua text for a value: nil, booleans, numbers, strings and tables of them. opts.compact leaves out whitespace;
--- opts.allow_repetitions lets a table appear more than once (never inside itself).
function serialize(value, opts)
    check(2, opts, "table", "nil")
    return luaText(value, "", opts or {}, {}, {})
end

--- The value `text` describes, read as a Lua expression with no globals; nil when it is not one.
function unserialize(text)
    check(1, text, "string")
    local fn = load("return " .. text, "unserialize", "t", {})
    if not fn then return nil end
    local ok, result = pcall(fn)
    if ok then return result end
    return nil
end

serialise, unserialise = serialize, unserialize

-- JSON ----------------------------------------------------------------------------------------------------------
-- Marker values: serialiseJSON writes them as [] and null; unserialiseJSON returns them when asked to.
empty_json_array = setmetatable({}, { __newindex = function() error("attempt to mutate textutils.empty_json_array", 2) end })
json_null = setmetatable({}, { __newindex = function() error("attempt to mutate textutils.json_null", 2) end })

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r",
    ["\t"] = "\\t" }

-- Strings are bytes: by default a byte past ASCII is one \u00XX character; unicode_strings passes UTF-8 through.
local function jsonString(s, opts)
    local pattern = opts.unicode_strings and "[%c\"\\]" or "[%c\"\\\128-\255]"
    return '"' .. gsub(s, pattern, function(c) return escapes[c] or format("\\u%04X", byte(c)) end) .. '"'
end

local function isList(t)
    local n = 0
    for _ in pairs(t) do n = n + 1 end
    for i = 1, n do
        if t[i] == nil then return false end
    end
    return true
end

local function jsonText(value, opts, open, done)
    local kind = type(value)
    if value == json_null then return "null" end
    if value == empty_json_array then return "[]" end
    if kind == "string" then return jsonString(value, opts) end
    if kind == "boolean" then return tostring(value) end
    if kind == "number" then
        if value ~= value or value == huge or value == -huge then error("Cannot serialize " .. number(value) .. " as JSON", 0) end
        if mtype(value) == "float" and value == floor(value) and value > -2^53 and value < 2^53 then return format("%d", value) end
        return tostring(value)
    end
    if kind ~= "table" then error("Cannot serialize type " .. kind, 0) end
    if open[value] then error("Cannot serialize table with recursive entries", 0) end
    if done[value] and not opts.allow_repetitions then error("Cannot serialize table with repeated entries", 0) end
    open[value] = true
    local parts = {}
    local result
    if next(value) ~= nil and isList(value) then
        for i = 1, #value do parts[i] = jsonText(value[i], opts, open, done) end
        result = "[" .. concat(parts, ",") .. "]"
    else
        for k, v in pairs(value) do
            if type(k) == "string" then
                local key = opts.nbt_style and match(k, "^[%a_][%w_]*$") and k or jsonString(k, opts)
                parts[#parts + 1] = key .. ":" .. jsonText(v, opts, open, done)
            end
        end
        result = "{" .. concat(parts, ",") .. "}"
    end
    open[value] = nil
    done[value] = true
    return result
end

--- JSON text for a value. opts (or, as in old CC, a boolean meaning nbt_style): nbt_style (bare keys),
--- unicode_strings (UTF-8 passed through), allow_repetitions. Tables with only 1..n keys are arrays; other non-string
--- keys are left out.
function serializeJSON(value, opts)
    check(2, opts, "table", "boolean", "nil")
    if type(opts) == "boolean" then opts = { nbt_style = opts } end
    return jsonText(value, opts or {}, {}, {})
end

local Parser = {}

local function fail(state, message)
    error({ json = format("%s at position %d", message, state.pos) }, 0)
end

local function skip(state)
    state.pos = find(state.text, "[^ \t\r\n]", state.pos) or #state.text + 1
end

local function peek(state) return sub(state.text, state.pos, state.pos) end

local function utf8char(code)
    if code < 0x80 then return char(code) end
    if code < 0x800 then return char(0xC0 | (code >> 6), 0x80 | (code & 0x3F)) end
    return char(0xE0 | (code >> 12), 0x80 | ((code >> 6) & 0x3F), 0x80 | (code & 0x3F))
end

local unescapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

function Parser.string(state)
    local text, pos, out = state.text, state.pos + 1, {}
    while true do
        local c = sub(text, pos, pos)
        if c == "" then state.pos = pos fail(state, "Unexpected end of input in string") end
        if c == '"' then break end
        if c == "\\" then
            local e = sub(text, pos + 1, pos + 1)
            if e == "u" then
                local hex = match(text, "^%x%x%x%x", pos + 2)
                if not hex then state.pos = pos fail(state, "Malformed \\u escape") end
                local code = tonumber(hex, 16)
                -- Without unicode_strings a code point below 256 is that byte, as serialiseJSON writes bytes.
                out[#out + 1] = (code < 256 and not state.opts.unicode_strings) and char(code) or utf8char(code)
                pos = pos + 6
            elseif unescapes[e] then
                out[#out + 1] = unescapes[e]
                pos = pos + 2
            else
                state.pos = pos
                fail(state, "Unknown escape \\" .. e)
            end
        else
            out[#out + 1] = c
            pos = pos + 1
        end
    end
    state.pos = pos + 1
    return concat(out)
end

function Parser.value(state)
    skip(state)
    local c = peek(state)
    if c == "{" then return Parser.object(state) end
    if c == "[" then return Parser.array(state) end
    if c == '"' then return Parser.string(state) end
    local number = match(state.text, "^-?%d+%.?%d*[eE]?[-+]?%d*", state.pos)
    if number and number ~= "-" then
        state.pos = state.pos + #number
        return tonumber(number) or fail(state, "Malformed number")
    end
    for word, value in pairs({ ["true"] = true, ["false"] = false }) do
        if sub(state.text, state.pos, state.pos + #word - 1) == word then
            state.pos = state.pos + #word
            return value
        end
    end
    if sub(state.text, state.pos, state.pos + 3) == "null" then
        state.pos = state.pos + 4
        if state.opts.parse_null then return json_null end
        return nil
    end
    if c == "" then fail(state, "Unexpected end of input") end
    fail(state, format("Unexpected character %q", c))
end

local function items(state, close, item)
    state.pos = state.pos + 1
    skip(state)
    if peek(state) == close then
        state.pos = state.pos + 1
        return true
    end
    while true do
        item()
        skip(state)
        local c = peek(state)
        state.pos = state.pos + 1
        if c == close then return false end
        if c ~= "," then state.pos = state.pos - 1 fail(state, "Expected ',' or '" .. close .. "'") end
    end
end

function Parser.array(state)
    local result, n = {}, 0
    local empty = items(state, "]", function()
        n = n + 1
        result[n] = Parser.value(state)
    end)
    if empty and state.opts.parse_empty_array ~= false then return empty_json_array end
    return result
end

function Parser.object(state)
    local result = {}
    items(state, "}", function()
        skip(state)
        local key
        if peek(state) == '"' then key = Parser.string(state)
        elseif state.opts.nbt_style and match(state.text, "^[%a_][%w_]*", state.pos) then
            key = match(state.text, "^[%a_][%w_]*", state.pos)
            state.pos = state.pos + #key
        else
            fail(state, "Expected a string key")
        end
        skip(state)
        if peek(state) ~= ":" then fail(state, "Expected ':'") end
        state.pos = state.pos + 1
        result[key] = Parser.value(state)
    end)
    return result
end

--- The value JSON `text` describes, or nil and a message. opts: nbt_style (bare keys), parse_null (null is
--- json_null, not nil), parse_empty_array (default true: [] is empty_json_array), unicode_strings.
function unserializeJSON(text, opts)
    check(1, text, "string")
    check(2, opts, "table", "nil")
    local state = { text = text, pos = 1, opts = opts or {} }
    local ok, result = pcall(function()
        local value = Parser.value(state)
        skip(state)
        if state.pos <= #text then fail(state, "Trailing data") end
        return value
    end)
    if ok then return result end
    if type(result) == "table" and result.json then return nil, result.json end
    error(result, 0)
end

serialiseJSON, unserialiseJSON = serializeJSON, unserializeJSON

--- `text` for a URL's query: letters, digits and -_.~ kept, spaces as +, other bytes as %XX.
function urlEncode(text)
    check(1, text, "string")
    return (gsub(gsub(text, "[^%w%-_%.~ ]", function(c) return format("%%%02X", byte(c)) end), " ", "+"))
end
