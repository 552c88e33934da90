-- Lua values <-> the protocol's wire form (conformance/ADAPTER-PROTOCOL.md, "Values"), exactly:
-- nil = null, booleans = JSON booleans, {"i":"<decimal>"}, {"f":"<16 hex digits of the IEEE 754 bits>"},
-- {"s":"<base64 of the bytes>"}, {"t":{"a":[array part with nil holes],"h":[[key, value], ...]}}, {"o":"<type>"}.
local json = require("json")

local values = {}

local B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local B64INDEX = {}
for i = 1, 64 do B64INDEX[B64:byte(i)] = i - 1 end

function values.base64(s)
    local out = {}
    for i = 1, #s, 3 do
        local a, b, c = s:byte(i, i + 2)
        local n = (a << 16) | ((b or 0) << 8) | (c or 0)
        out[#out + 1] = B64:sub((n >> 18) + 1, (n >> 18) + 1) .. B64:sub(((n >> 12) & 63) + 1, ((n >> 12) & 63) + 1)
            .. (b and B64:sub(((n >> 6) & 63) + 1, ((n >> 6) & 63) + 1) or "=")
            .. (c and B64:sub((n & 63) + 1, (n & 63) + 1) or "=")
    end
    return table.concat(out)
end

function values.unbase64(s)
    if #s % 4 ~= 0 or s:find("[^%w+/=]") or s:find("=[^=]") then error("not base64", 0) end
    local out = {}
    for i = 1, #s, 4 do
        local n, pad = 0, 0
        for j = i, i + 3 do
            local c = s:byte(j)
            if c == 61 then pad = pad + 1 n = n << 6 else n = (n << 6) | B64INDEX[c] end
        end
        local chunk = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
        out[#out + 1] = chunk:sub(1, 3 - pad)
    end
    return table.concat(out)
end

-- The array part is 1..K for the largest K at which at least half of the keys 1..K are present (as the reference
-- kernel splits tables, so the same Lua table crosses as the same plain data).
local function arrayLength(t)
    local keys = {}
    for k in pairs(t) do
        if math.type(k) == "integer" and k >= 1 then keys[#keys + 1] = k end
    end
    table.sort(keys)
    local length = 0
    for count, key in ipairs(keys) do
        if key > 0x3fffffff then break end
        if count * 2 >= key then length = key end
    end
    return length
end

--- A Lua value as its wire form. Functions, coroutines, userdata and tables already being converted cross as
--- {"o": type}.
function values.encode(v, seen)
    local t = type(v)
    if v == nil then return json.null end
    if t == "boolean" then return v end
    if t == "number" then
        if math.type(v) == "integer" then return { i = tostring(v) } end
        return { f = string.format("%016x", string.unpack(">i8", string.pack(">d", v))) }
    end
    if t == "string" then return { s = values.base64(v) } end
    if t == "table" then
        seen = seen or {}
        if seen[v] then return { o = "table" } end
        seen[v] = true
        local n = arrayLength(v)
        local array, hash = json.array({}, n), json.array({}, 0)
        for k, value in pairs(v) do
            if math.type(k) == "integer" and k >= 1 and k <= n then
                array[k] = values.encode(value, seen)
            else
                hash.n = hash.n + 1
                hash[hash.n] = json.array({ values.encode(k, seen), values.encode(value, seen) }, 2)
            end
        end
        for i = 1, n do if array[i] == nil then array[i] = json.null end end
        seen[v] = nil
        return { t = { a = array, h = hash } }
    end
    return { o = t }
end

function values.encodeList(list, n)
    local out = json.array({}, n)
    for i = 1, n do out[i] = values.encode(list[i]) end
    return out
end

local function only(node)
    local key, value = next(node)
    if key == nil or next(node, key) ~= nil then error("a value object has exactly one key", 0) end
    return key, value
end

--- A wire value as a Lua value; raises on anything not in one of the forms above. Opaque values come in as a
--- string naming the type, since there is no function to make.
function values.decode(node)
    if node == json.null then return nil end
    if type(node) == "boolean" then return node end
    if type(node) ~= "table" or getmetatable(node) == json.ARRAY then error("not a value: " .. json.encode(node), 0) end
    local kind, inner = only(node)
    if type(inner) ~= "string" and kind ~= "t" then error("value '" .. kind .. "' needs a string", 0) end
    if kind == "i" then
        local n = math.tointeger(tonumber(inner))
        if not n or not inner:match("^-?%d+$") then error("bad integer " .. inner, 0) end
        return n
    elseif kind == "f" then
        if not inner:match("^%x+$") or #inner ~= 16 then error("bad float " .. inner, 0) end
        local bits = 0
        for i = 1, 16 do bits = (bits << 4) | tonumber(inner:sub(i, i), 16) end
        return (string.unpack(">d", string.pack(">i8", bits)))
    elseif kind == "s" then
        return values.unbase64(inner)
    elseif kind == "t" then
        if type(inner) ~= "table" or getmetatable(inner.a) ~= json.ARRAY or getmetatable(inner.h) ~= json.ARRAY then
            error("bad table", 0)
        end
        local t = {}
        for i = 1, inner.a.n do t[i] = values.decode(inner.a[i]) end
        for i = 1, inner.h.n do
            local pair = inner.h[i]
            if getmetatable(pair) ~= json.ARRAY or pair.n ~= 2 then error("bad table entry", 0) end
            local k = values.decode(pair[1])
            if k == nil or k ~= k then error("bad table key", 0) end
            t[k] = values.decode(pair[2])
        end
        return t
    elseif kind == "o" then
        return "<" .. inner .. ">"
    end
    error("unknown value kind " .. kind, 0)
end

--- A wire list as values plus their count (trailing nils kept).
function values.decodeList(node)
    if getmetatable(node) ~= json.ARRAY then error("not a list of values", 0) end
    local out = { n = node.n }
    for i = 1, node.n do out[i] = values.decode(node[i]) end
    return out
end

return values
