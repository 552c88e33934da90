-- A small JSON codec for the protocol host, written for Phoenix.Conformance (no code from elsewhere).
-- Decoding gives: objects as plain tables, arrays as tables with field n and the metatable json.ARRAY, null as
-- json.null, numbers as Lua integers when they are written as integers and fit, else floats. Encoding takes the
-- same shapes back. Strings are UTF-8: bytes that are not valid UTF-8 are written as U+FFFD, because JSON text
-- must be Unicode (the protocol carries Lua strings in base64, so only names and messages pass through here).

local json = {}

json.null = setmetatable({}, { __tostring = function() return "null" end })
json.ARRAY = { __name = "json array" }

local byte, char, sub, find, format, concat = string.byte, string.char, string.sub, string.find, string.format, table.concat

function json.array(list, n)
    list = list or {}
    list.n = n or #list
    return setmetatable(list, json.ARRAY)
end

-- Decoding --------------------------------------------------------------------------------------------------------

local function fail(text, at, what)
    error(format("JSON: %s at byte %d", what, at), 0)
end

local function skip(text, at)
    return (find(text, "[^ \t\r\n]", at)) or #text + 1
end

local ESCAPES = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

local function decodeString(text, at)
    -- at is just past the opening quote
    local parts = {}
    while true do
        local stop = find(text, '["\\%c]', at)
        if not stop then fail(text, at, "unterminated string") end
        parts[#parts + 1] = sub(text, at, stop - 1)
        local c = sub(text, stop, stop)
        if c == '"' then return concat(parts), stop + 1 end
        if c ~= "\\" then fail(text, stop, "control character in string") end
        local e = sub(text, stop + 1, stop + 1)
        if ESCAPES[e] then
            parts[#parts + 1] = ESCAPES[e]
            at = stop + 2
        elseif e == "u" then
            local hex = sub(text, stop + 2, stop + 5)
            if not hex:match("^%x%x%x%x$") then fail(text, stop, "bad \\u escape") end
            local code = tonumber(hex, 16)
            at = stop + 6
            if code >= 0xD800 and code <= 0xDBFF then
                local low = sub(text, at, at + 5):match("^\\u(%x%x%x%x)$")
                local lowCode = low and tonumber(low, 16)
                if lowCode and lowCode >= 0xDC00 and lowCode <= 0xDFFF then
                    code = 0x10000 + (code - 0xD800) * 0x400 + (lowCode - 0xDC00)
                    at = at + 6
                else
                    code = 0xFFFD
                end
            elseif code >= 0xDC00 and code <= 0xDFFF then
                code = 0xFFFD
            end
            parts[#parts + 1] = utf8.char(code)
        else
            fail(text, stop, "bad escape")
        end
    end
end

local decodeValue

local function decodeNumber(text, at)
    local s, e = find(text, "^-?%d+%.?%d*[eE]?[-+]?%d*", at)
    if not s then fail(text, at, "bad number") end
    local literal = sub(text, s, e)
    local n = math.tointeger(tonumber(literal))
    if n and literal:match("^-?%d+$") then
        -- an integer literal that does not fit becomes a float, as JSON allows
        if tostring(n) ~= literal:gsub("^(-?)0+(%d)", "%1%2") then n = tonumber(literal .. ".0") end
        return n, e + 1
    end
    local f = tonumber(literal)
    if not f then fail(text, at, "bad number") end
    return f + 0.0, e + 1
end

function decodeValue(text, at, depth)
    if depth > 1000 then fail(text, at, "too deep") end
    at = skip(text, at)
    local c = sub(text, at, at)
    if c == "{" then
        local object = {}
        at = skip(text, at + 1)
        if sub(text, at, at) == "}" then return object, at + 1 end
        while true do
            if sub(text, at, at) ~= '"' then fail(text, at, "expected a key") end
            local key
            key, at = decodeString(text, at + 1)
            at = skip(text, at)
            if sub(text, at, at) ~= ":" then fail(text, at, "expected ':'") end
            object[key], at = decodeValue(text, at + 1, depth + 1)
            at = skip(text, at)
            local d = sub(text, at, at)
            if d == "}" then return object, at + 1 end
            if d ~= "," then fail(text, at, "expected ',' or '}'") end
            at = skip(text, at + 1)
        end
    elseif c == "[" then
        local array = json.array({}, 0)
        at = skip(text, at + 1)
        if sub(text, at, at) == "]" then return array, at + 1 end
        while true do
            local value
            value, at = decodeValue(text, at, depth + 1)
            array.n = array.n + 1
            array[array.n] = value
            at = skip(text, at)
            local d = sub(text, at, at)
            if d == "]" then return array, at + 1 end
            if d ~= "," then fail(text, at, "expected ',' or ']'") end
            at = at + 1
        end
    elseif c == '"' then
        return decodeString(text, at + 1)
    elseif sub(text, at, at + 3) == "true" then
        return true, at + 4
    elseif sub(text, at, at + 4) == "false" then
        return false, at + 5
    elseif sub(text, at, at + 3) == "null" then
        return json.null, at + 4
    elseif find(c, "[-%d]") then
        return decodeNumber(text, at)
    end
    fail(text, at, "unexpected character")
end

--- Parses one JSON text; raises "JSON: …" on anything malformed, including trailing garbage.
function json.decode(text)
    local value, at = decodeValue(text, 1, 0)
    if skip(text, at) <= #text then fail(text, at, "trailing characters") end
    return value
end

-- Encoding --------------------------------------------------------------------------------------------------------

-- The bytes of s with every byte that does not start a valid UTF-8 sequence (overlong forms and surrogates
-- included) replaced by U+FFFD.
local function validUtf8(s)
    if utf8.len(s) then return s end
    local out, at = {}, 1
    while at <= #s do
        local ok, code = pcall(utf8.codepoint, s, at)
        local piece = ok and utf8.char(code)
        if piece and sub(s, at, at + #piece - 1) == piece and not (code >= 0xD800 and code <= 0xDFFF) then
            out[#out + 1] = piece
            at = at + #piece
        else
            out[#out + 1] = "\239\191\189"
            at = at + 1
        end
    end
    return concat(out)
end

local function encodeString(s)
    s = validUtf8(s)
    return '"' .. s:gsub('[%c"\\]', function(c)
        if c == '"' then return '\\"' elseif c == "\\" then return "\\\\" elseif c == "\n" then return "\\n" end
        return format("\\u%04x", byte(c))
    end) .. '"'
end

local encodeValue

function encodeValue(value, out)
    local t = type(value)
    if value == json.null or value == nil then
        out[#out + 1] = "null"
    elseif t == "boolean" then
        out[#out + 1] = value and "true" or "false"
    elseif t == "number" then
        if math.type(value) == "integer" then
            out[#out + 1] = tostring(value)
        elseif value ~= value or value == math.huge or value == -math.huge then
            error("JSON: cannot encode " .. tostring(value), 0)
        else
            out[#out + 1] = format("%.17g", value)
        end
    elseif t == "string" then
        out[#out + 1] = encodeString(value)
    elseif t == "table" and getmetatable(value) == json.ARRAY then
        out[#out + 1] = "["
        for i = 1, value.n do
            if i > 1 then out[#out + 1] = "," end
            encodeValue(value[i], out)
        end
        out[#out + 1] = "]"
    elseif t == "table" then
        local keys = {}
        for k in pairs(value) do
            if type(k) ~= "string" then error("JSON: object key of type " .. type(k), 0) end
            keys[#keys + 1] = k
        end
        table.sort(keys)
        out[#out + 1] = "{"
        for i, k in ipairs(keys) do
            if i > 1 then out[#out + 1] = "," end
            out[#out + 1] = encodeString(k)
            out[#out + 1] = ":"
            encodeValue(value[k], out)
        end
        out[#out + 1] = "}"
    else
        error("JSON: cannot encode a " .. t, 0)
    end
end

--- One line of JSON text (no newline inside: newlines in strings are escaped).
function json.encode(value)
    local out = {}
    encodeValue(value, out)
    return concat(out)
end

return json
