-- Lua 5.4's pattern matching (string.find, match, gmatch, gsub) written in Lua, from the reference manual (§6.4.1),
-- so that it runs under the instruction budget: the native matcher runs in C, unseen by the count hook, and some
-- patterns take time exponential in the number of quantifiers (s:find(".-b") over 200 KB without a "b": minutes).
-- bound() gives the sandbox's string library (engine.lua) functions that call the native ones when a cheap bound
-- on the native work is small and this matcher otherwise, with the same results and error messages either way
-- (Phoenix.Lua.Tests/PatternTests.cs compares them on generated patterns).
local byte, sub, format, tostring, type, error = string.byte, string.sub, string.format, tostring, type, error
local setmetatable, getmetatable, rawget, pcall, tonumber = setmetatable, debug.getmetatable, rawget, pcall, tonumber
local concat, unpack, ipairs = table.concat, table.unpack, ipairs

local L_ESC, CAP_UNFINISHED, CAP_POSITION = 37, -1, -2 -- '%'

-- The matcher's own errors are raised as marked values and placed at the caller by bound() below.
local PatternError = {}
local function fail(message) error(setmetatable({ message = message }, PatternError), 0) end
local MAXCAPTURES, MAXCCALLS = 32, 200
local B_OPEN, B_CLOSE, B_CARET, B_DOLLAR, B_DOT, B_DASH = 91, 93, 94, 36, 46, 45 -- [ ] ^ $ . -
local B_LPAREN, B_RPAREN, B_STAR, B_PLUS, B_QUESTION = 40, 41, 42, 43, 63        -- ( ) * + ?
local B_b, B_f, B_0, B_1 = 98, 102, 48, 49

-- Character classes of the C locale, as lstrlib's isalpha & co. see them.
local function isalpha(c) return (c >= 65 and c <= 90) or (c >= 97 and c <= 122) end
local function isdigit(c) return c >= 48 and c <= 57 end
local function islower(c) return c >= 97 and c <= 122 end
local function isupper(c) return c >= 65 and c <= 90 end
local function isspace(c) return c == 32 or (c >= 9 and c <= 13) end
local function iscntrl(c) return c < 32 or c == 127 end
local function isgraph(c) return c >= 33 and c <= 126 end
local function isalnum(c) return isalpha(c) or isdigit(c) end
local function ispunct(c) return isgraph(c) and not isalnum(c) end
local function isxdigit(c) return isdigit(c) or (c >= 65 and c <= 70) or (c >= 97 and c <= 102) end
local function iszero(c) return c == 0 end -- %z: deprecated since Lua 5.2, still accepted by 5.4

local CLASSES = {
    [97] = isalpha, [99] = iscntrl, [100] = isdigit, [103] = isgraph, [108] = islower,
    [112] = ispunct, [115] = isspace, [117] = isupper, [119] = isalnum, [120] = isxdigit, [122] = iszero,
}

local function matchClass(c, cl)
    local test = CLASSES[cl | 32]
    if test == nil then return cl == c end
    local res = test(c)
    if isupper(cl) then return not res end
    return res
end

-- One match state per call: the subject, the pattern, and the captures (start index and length, or a CAP_ marker).
local function newState(src, pat)
    return { src = src, srclen = #src, pat = pat, plen = #pat, level = 0, depth = 0, cstart = {}, clen = {} }
end

-- The index just after the single-character class starting at p.
local function classEnd(ms, p)
    local pat, plen = ms.pat, ms.plen
    local c = byte(pat, p)
    p = p + 1
    if c == L_ESC then
        if p > plen then fail("malformed pattern (ends with '%')") end
        return p + 1
    end
    if c == B_OPEN then
        if byte(pat, p) == B_CARET then p = p + 1 end
        repeat -- the first character of a set is taken as it is, so "[]]" is a set holding "]"
            if p > plen then fail("malformed pattern (missing ']')") end
            local cc = byte(pat, p)
            p = p + 1
            if cc == L_ESC and p <= plen then p = p + 1 end
        until byte(pat, p) == B_CLOSE
        return p + 1
    end
    return p
end

-- p is at "[", ec at its "]".
local function matchBracketClass(ms, c, p, ec)
    local pat = ms.pat
    local sig = true
    if byte(pat, p + 1) == B_CARET then
        sig = false
        p = p + 1
    end
    p = p + 1
    while p < ec do
        local pc = byte(pat, p)
        if pc == L_ESC then
            p = p + 1
            if matchClass(c, byte(pat, p)) then return sig end
        elseif byte(pat, p + 1) == B_DASH and p + 2 < ec then
            if pc <= c and c <= byte(pat, p + 2) then return sig end
            p = p + 2
        elseif pc == c then
            return sig
        end
        p = p + 1
    end
    return not sig
end

local function singleMatch(ms, s, p, ep)
    if s > ms.srclen then return false end
    local c = byte(ms.src, s)
    local pc = byte(ms.pat, p)
    if pc == B_DOT then return true end
    if pc == L_ESC then return matchClass(c, byte(ms.pat, p + 1)) end
    if pc == B_OPEN then return matchBracketClass(ms, c, p, ep - 1) end
    return pc == c
end

local doMatch

local function matchBalance(ms, s, p)
    if p + 1 > ms.plen then fail("malformed pattern (missing arguments to '%b')") end
    local src = ms.src
    if s > ms.srclen or byte(src, s) ~= byte(ms.pat, p) then return nil end
    local open, close = byte(ms.pat, p), byte(ms.pat, p + 1)
    local depth = 1
    s = s + 1
    while s <= ms.srclen do
        local c = byte(src, s)
        if c == close then
            depth = depth - 1
            if depth == 0 then return s + 1 end
        elseif c == open then
            depth = depth + 1
        end
        s = s + 1
    end
    return nil
end

local function maxExpand(ms, s, p, ep)
    local i = 0
    while singleMatch(ms, s + i, p, ep) do i = i + 1 end
    while i >= 0 do
        local res = doMatch(ms, s + i, ep + 1)
        if res then return res end
        i = i - 1
    end
    return nil
end

local function minExpand(ms, s, p, ep)
    while true do
        local res = doMatch(ms, s, ep + 1)
        if res then return res end
        if not singleMatch(ms, s, p, ep) then return nil end
        s = s + 1
    end
end

local function startCapture(ms, s, p, what)
    local level = ms.level + 1
    if level > MAXCAPTURES then fail("too many captures") end
    ms.cstart[level], ms.clen[level] = s, what
    ms.level = level
    local res = doMatch(ms, s, p)
    if res == nil then ms.level = ms.level - 1 end
    return res
end

local function endCapture(ms, s, p)
    local l
    for i = ms.level, 1, -1 do
        if ms.clen[i] == CAP_UNFINISHED then l = i break end
    end
    if l == nil then fail("invalid pattern capture") end
    ms.clen[l] = s - ms.cstart[l]
    local res = doMatch(ms, s, p)
    if res == nil then ms.clen[l] = CAP_UNFINISHED end
    return res
end

local function matchCapture(ms, s, c)
    local l = c - B_1 + 1
    if l < 1 or l > ms.level or ms.clen[l] == CAP_UNFINISHED then
        fail(format("invalid capture index %%%d", l))
    end
    local len = ms.clen[l]
    -- A position capture has no text: C compares its length as an unsigned (huge) number, so it never matches.
    if len == CAP_POSITION then return nil end
    local start = ms.cstart[l]
    if ms.srclen - s + 1 >= len and sub(ms.src, start, start + len - 1) == sub(ms.src, s, s + len - 1) then
        return s + len
    end
    return nil
end

-- The end of a match of the pattern from p against the subject from s (an index one past it), or nil.
function doMatch(ms, s, p)
    ms.depth = ms.depth + 1
    if ms.depth > MAXCCALLS then fail("pattern too complex") end
    local pat, plen = ms.pat, ms.plen
    local result
    while true do
        if p > plen then result = s break end
        local c = byte(pat, p)
        if c == B_LPAREN then
            if byte(pat, p + 1) == B_RPAREN then result = startCapture(ms, s, p + 2, CAP_POSITION)
            else result = startCapture(ms, s, p + 1, CAP_UNFINISHED) end
            break
        elseif c == B_RPAREN then
            result = endCapture(ms, s, p + 1)
            break
        elseif c == B_DOLLAR and p == plen then
            if s == ms.srclen + 1 then result = s end
            break
        end
        local special = false
        if c == L_ESC then
            local n = byte(pat, p + 1)
            if n == B_b then
                special = true
                s = matchBalance(ms, s, p + 2)
                if s == nil then break end
                p = p + 4
            elseif n == B_f then
                special = true
                p = p + 2
                if byte(pat, p) ~= B_OPEN then fail("missing '[' after '%f' in pattern") end
                local ep = classEnd(ms, p)
                local prev = s == 1 and 0 or byte(ms.src, s - 1)
                local cur = s <= ms.srclen and byte(ms.src, s) or 0
                if matchBracketClass(ms, prev, p, ep - 1) or not matchBracketClass(ms, cur, p, ep - 1) then break end
                p = ep
            elseif n ~= nil and isdigit(n) then
                special = true
                s = matchCapture(ms, s, n)
                if s == nil then break end
                p = p + 2
            end
        end
        if not special then
            local ep = classEnd(ms, p)
            local epc = byte(pat, ep)
            if not singleMatch(ms, s, p, ep) then
                if epc == B_STAR or epc == B_QUESTION or epc == B_DASH then
                    p = ep + 1
                else
                    break
                end
            elseif epc == B_QUESTION then
                local res = doMatch(ms, s + 1, ep + 1)
                if res then result = res break end
                p = ep + 1
            elseif epc == B_PLUS then
                result = maxExpand(ms, s + 1, p, ep)
                break
            elseif epc == B_STAR then
                result = maxExpand(ms, s, p, ep)
                break
            elseif epc == B_DASH then
                result = minExpand(ms, s, p, ep)
                break
            else
                s = s + 1
                p = ep
            end
        end
    end
    ms.depth = ms.depth - 1
    return result
end

local function oneCapture(ms, i, s, e)
    if i >= ms.level then
        if i ~= 0 then fail(format("invalid capture index %%%d", i + 1)) end
        return sub(ms.src, s, e - 1)
    end
    local len = ms.clen[i + 1]
    if len == CAP_UNFINISHED then fail("unfinished capture") end
    local start = ms.cstart[i + 1]
    if len == CAP_POSITION then return start end
    return sub(ms.src, start, start + len - 1)
end

-- The captures (or the whole match, when there are none and s is given).
local function captures(ms, s, e)
    local n = (ms.level == 0 and s) and 1 or ms.level
    local values = {}
    for i = 1, n do values[i] = oneCapture(ms, i - 1, s, e) end
    return unpack(values, 1, n)
end

local function reset(ms)
    ms.level, ms.depth = 0, 0
end

local function startIndex(init, len)
    if init == nil or init == 1 then return 1 end
    if init > 0 then return init end
    if init == 0 or init < -len then return 1 end
    return len + init + 1
end

local SPECIALS = "^$*+?.([%-"
local function noSpecials(pat)
    for i = 1, #SPECIALS do
        if string.find(pat, sub(SPECIALS, i, i), 1, true) then return false end
    end
    return true
end

local M = {}

local function findAux(find, s, pat, init, plain)
    local ls = #s
    init = startIndex(init, ls)
    if init > ls + 1 then return nil end
    if find and (plain or noSpecials(pat)) then
        return string.find(s, pat, init, true) -- a plain search: memchr and memcmp in C, no backtracking
    end
    local ms = newState(s, pat)
    local p = 1
    local anchor = byte(pat, 1) == B_CARET
    if anchor then p = 2 end
    local s1 = init
    repeat
        reset(ms)
        local e = doMatch(ms, s1, p)
        if e then
            if find then return s1, e - 1, captures(ms, nil, 0) end
            return captures(ms, s1, e)
        end
        s1 = s1 + 1
    until s1 > ls + 1 or anchor
    return nil
end

function M.find(s, pat, init, plain) return findAux(true, s, pat, init, plain) end

function M.match(s, pat, init) return findAux(false, s, pat, init) end

function M.gmatch(s, pat, init)
    local ls = #s
    local src = startIndex(init, ls)
    if src > ls + 1 then src = ls + 2 end
    local ms = newState(s, pat)
    local lastmatch
    return function()
        while src <= ls + 1 do
            reset(ms)
            local e = doMatch(ms, src, 1)
            if e and e ~= lastmatch then
                local start = src
                src, lastmatch = e, e
                return captures(ms, start, e)
            end
            src = src + 1
        end
        return nil
    end
end

local function addString(ms, out, s, e, repl)
    local i, n = 1, #repl
    while i <= n do
        local c = byte(repl, i)
        if c == L_ESC then
            i = i + 1
            local d = byte(repl, i)
            if d == L_ESC then
                out[#out + 1] = "%"
            elseif d ~= nil and isdigit(d) then
                if d == B_0 then
                    out[#out + 1] = sub(ms.src, s, e - 1)
                else
                    out[#out + 1] = tostring(oneCapture(ms, d - B_1, s, e))
                end
            else
                fail("invalid use of '%' in replacement string")
            end
        else
            out[#out + 1] = sub(repl, i, i)
        end
        i = i + 1
    end
end

local function addValue(ms, out, s, e, repl, kind)
    local value
    if kind == "function" then
        value = repl(captures(ms, s, e))
    elseif kind == "table" then
        value = repl[oneCapture(ms, 0, s, e)]
    else
        addString(ms, out, s, e, tostring(repl))
        return
    end
    if not value then
        out[#out + 1] = sub(ms.src, s, e - 1)
    elseif type(value) == "string" or type(value) == "number" then
        out[#out + 1] = tostring(value)
    else
        fail(format("invalid replacement value (a %s)", type(value)))
    end
end

-- repl's type was checked by the caller (engine.lua hands only strings, numbers, tables and functions here).
function M.gsub(s, pat, repl, maxN)
    local srcl = #s
    local kind = type(repl)
    maxN = maxN or srcl + 1
    local p = 1
    local anchor = byte(pat, 1) == B_CARET
    if anchor then p = 2 end
    local ms = newState(s, pat)
    -- Unmatched text is copied in runs (from `copied` up to the next match), not a character at a time.
    local out = {}
    local src, lastmatch, n, copied = 1, nil, 0, 1
    while n < maxN do
        reset(ms)
        local e = doMatch(ms, src, p)
        if e and e ~= lastmatch then
            n = n + 1
            if copied < src then out[#out + 1] = sub(s, copied, src - 1) end
            addValue(ms, out, src, e, repl, kind)
            src, lastmatch, copied = e, e, e
        elseif src <= srcl then
            src = src + 1
        else
            break
        end
        if anchor then break end
    end
    out[#out + 1] = sub(s, copied)
    return concat(out), n
end

-- What the fast paths need to know of a pattern, worked out once per pattern (a bounded cache):
--   valid    no error can come from it while matching (its syntax, captures and back-references are sound, and it
--            is short enough not to reach "pattern too complex"), so the native function can be called directly;
--            otherwise the checked path places the error as Lua would (the conservative side is harmless);
--   ncap     its captures, for gsub's "%N" in a replacement string;
--   nmax     the longest subject the native function may take: the bound on native work for a pattern of length m
--            with q repetition items (*, +, -, ?, %b, back-references) tried at every start (k = q + 1) or
--            anchored (k = q) is m * n^k / (k - 1)!, the shape of the backtracking's worst case;
--   nmaxIter the same for gmatch, which tries every start whatever the pattern begins with.
local function subjectLimit(m, k, work)
    if k == 0 then return math.huge end
    local factorial = 1
    for i = 2, k - 1 do factorial = factorial * i end
    return (work * factorial / (m > 0 and m or 1)) ^ (1 / k)
end

local function analyse(p, work)
    local m, i, q, level, valid = #p, 1, 0, 0, true
    local open, items = {}, 0
    if byte(p, 1) == B_CARET then i = 2 end
    while i <= m and valid do
        items = items + 1
        local c = byte(p, i)
        local single = false
        if c == B_LPAREN then
            level = level + 1
            if level > MAXCAPTURES then valid = false end
            if byte(p, i + 1) == B_RPAREN then i = i + 2 else open[#open + 1] = level i = i + 1 end
        elseif c == B_RPAREN then
            if #open == 0 then valid = false end
            open[#open] = nil
            i = i + 1
        elseif c == L_ESC then
            local d = byte(p, i + 1)
            if d == nil then valid = false
            elseif d == B_b then
                if i + 3 > m then valid = false end
                q = q + 1
                i = i + 4
            elseif d == B_f then
                if byte(p, i + 2) ~= B_OPEN then valid = false
                else
                    local ok, ep = pcall(classEnd, { pat = p, plen = m }, i + 2)
                    if ok then i = ep else valid = false end
                end
            elseif isdigit(d) then
                local l = d - B_0
                if l == 0 or l > level then valid = false end
                for _, still in ipairs(open) do if still == l then valid = false end end
                q = q + 1
                i = i + 2
            else
                single = true
            end
        else
            single = true
        end
        if single and valid then
            local ok, ep = pcall(classEnd, { pat = p, plen = m }, i)
            if not ok then valid = false
            else
                i = ep
                local r = byte(p, i)
                if r == B_STAR or r == B_PLUS or r == B_DASH or r == B_QUESTION then q = q + 1 i = i + 1 end
            end
        end
    end
    if #open > 0 or items > MAXCCALLS // 2 then valid = false end
    local anchored = byte(p, 1) == B_CARET
    return {
        valid = valid, ncap = level,
        nmax = subjectLimit(m, anchored and q or q + 1, work),
        nmaxIter = subjectLimit(m, q + 1, work),
    }
end

-- Arguments as luaL_checklstring and luaL_optinteger take them: numbers become strings, integral floats and numeric
-- strings become integers. Returns the value, or nil and the complaint.
local function typeName(v)
    local mt = getmetatable(v)
    local name = type(mt) == "table" and rawget(mt, "__name")
    if type(name) == "string" then return name end
    return type(v)
end

local function checkString(v, given)
    local kind = type(v)
    if kind == "string" then return v end
    if kind == "number" then return tostring(v) end
    return nil, "string expected, got " .. (given and typeName(v) or "no value")
end

local function optInteger(v)
    if v == nil then return nil end
    local n = v
    if type(v) == "string" then n = tonumber(v) end
    if type(n) == "number" then
        local i = math.tointeger(n)
        if i then return i end
        return nil, "number has no integer representation"
    end
    return nil, "number expected, got " .. typeName(v)
end

-- Where the native function would put an argument error: numbered as the caller sees it (a method call does not
-- count self), named as the caller called it.
local getinfo = debug.getinfo
-- `depth`: frames between argError's caller and the string function the user called. A caller that called it in a
-- tail position (return s:find(x)) is gone from the stack, unlike with a native function: the function's own name
-- stands in for the caller's, and the position is the next frame's.
local function argError(fname, index, complaint, depth)
    local info = getinfo(2 + depth, "nt")
    local name, what = info and info.name, info and info.namewhat
    if info and info.istailcall then name = fname end
    if what == "method" then
        index = index - 1
        if index == 0 then error(format("calling '%s' on bad self (%s)", name, complaint), 3 + depth) end
    end
    error(format("bad argument #%d to '%s' (%s)", index, name or ("string." .. fname), complaint), 3 + depth)
end

local MEMORY = "not enough memory"
local nativeRep = string.rep

-- Results of a protected call, or its error raised again at the caller of the string function (settle is always
-- tail-called, so level 2 is that caller): the matcher's own errors and the native functions' errors (which, raised under pcall, carry no position)
-- get the caller's position, as a native call from the caller would; errors of the caller's own code (a gsub
-- function, a table's __index) and the budget's pass unchanged. A memory error is raised again as one.
local function settle(foreign, ok, ...)
    if ok then return ... end
    local e = ...
    if getmetatable(e) == PatternError then error(e.message, 2) end
    if e == MEMORY then nativeRep("x", 1 << 40) end
    if foreign() or type(e) ~= "string" then error(e, 0) end
    error(e, 2)
end

local function never() return false end

function M.bound(lib, limit)
    local find, match, gmatch, gsub = lib.find, lib.match, lib.gmatch, lib.gsub
    local math_type = math.type
    local infos, cached, cachedWork = {}, 0, nil
    local function infoOf(p)
        local work = limit()
        if work ~= cachedWork or cached >= 512 then infos, cached, cachedWork = {}, 0, work end
        local info = analyse(p, work)
        infos[p], cached = info, cached + 1
        return info
    end
    local refsOf, cachedRefs = {}, 0
    -- The highest %N a replacement string uses (0 for none), or false when it has an escape gsub refuses.
    local function replacementRefs(repl)
        local highest, i, n = 0, 1, #repl
        while i <= n do
            if byte(repl, i) == L_ESC then
                local d = byte(repl, i + 1)
                if d == L_ESC then -- "%%"
                elseif d ~= nil and isdigit(d) then
                    if d - B_0 > highest then highest = d - B_0 end
                else
                    return false
                end
                i = i + 2
            else
                i = i + 1
            end
        end
        return highest
    end
    -- The wrappers take fixed parameters (a vararg function costs a frame copy on every call), so a missing argument
    -- is told apart from a nil one by position only: the message says "no value" when it and every later one are nil.
    local function strings(fname, s, p, init, initIndex, later)
        local s2, why = checkString(s, s ~= nil or p ~= nil or init ~= nil or later ~= nil)
        if s2 == nil then argError(fname, 1, why, 1) end
        local p2, why2 = checkString(p, p ~= nil or init ~= nil or later ~= nil)
        if p2 == nil then argError(fname, 2, why2, 1) end
        local i2, why3 = optInteger(init)
        if why3 then argError(fname, initIndex or 3, why3, 1) end
        return s2, p2, i2
    end
    -- Each function first tries its fast path (a subject string, a pattern already known sound, a subject within the
    -- bound: the native function, called directly, cannot raise), then the checked path below it. A pattern is
    -- analysed once, so infos[p] also says p is a string.
    lib.find = function(s, p, init, plain)
        local info = infos[p]
        if info and info.valid and type(s) == "string" and (init == nil or math_type(init) == "integer") and (plain or #s <= info.nmax) then
            return find(s, p, init, plain)
        end
        s, p, init = strings("find", s, p, init, 3, plain)
        if not infos[p] then infoOf(p) end
        if plain then return find(s, p, init, plain) end
        if #s <= (infos[p] or infoOf(p)).nmax then return settle(never, pcall(find, s, p, init)) end
        return settle(never, pcall(M.find, s, p, init))
    end
    lib.match = function(s, p, init)
        local info = infos[p]
        if info and info.valid and type(s) == "string" and (init == nil or math_type(init) == "integer") and #s <= info.nmax then
            return match(s, p, init)
        end
        s, p, init = strings("match", s, p, init, 3)
        if #s <= (infos[p] or infoOf(p)).nmax then return settle(never, pcall(match, s, p, init)) end
        return settle(never, pcall(M.match, s, p, init))
    end
    lib.gmatch = function(s, p, init)
        -- The native iterator raises from the caller's for loop, placed as Lua places it: no soundness needed.
        local info = infos[p]
        if info and type(s) == "string" and (init == nil or math_type(init) == "integer") and #s <= info.nmaxIter then
            return gmatch(s, p, init)
        end
        s, p, init = strings("gmatch", s, p, init, 3)
        if #s <= (infos[p] or infoOf(p)).nmaxIter then return gmatch(s, p, init) end
        local iterate = M.gmatch(s, p, init)
        return function() return settle(never, pcall(iterate)) end
    end
    lib.gsub = function(s, p, repl, n)
        local kind = type(repl)
        local info = infos[p]
        if info and info.valid and type(s) == "string" and (n == nil or math_type(n) == "integer") and #s <= info.nmax then
            if kind == "number" then return gsub(s, p, repl, n) end
            if kind == "string" then
                local refs = refsOf[repl]
                if refs == nil then
                    if cachedRefs >= 512 then refsOf, cachedRefs = {}, 0 end
                    refs, cachedRefs = replacementRefs(repl), cachedRefs + 1
                    refsOf[repl] = refs
                end
                if refs and refs <= (info.ncap > 0 and info.ncap or 1) then return gsub(s, p, repl, n) end
            elseif kind == "function" then
                -- The one error gsub raises about a function's result, raised here at the caller of gsub
                -- (levels: this function, gsub, lib.gsub, the caller); the function's own errors pass as they are.
                local f = repl
                return gsub(s, p, function(...)
                    local v = f(...)
                    if v and type(v) ~= "string" and type(v) ~= "number" then
                        error(format("invalid replacement value (a %s)", type(v)), 4)
                    end
                    return v
                end, n)
            end
        end
        s, p, n = strings("gsub", s, p, n, 4, repl)
        if kind == "number" then
            repl = tostring(repl)
        elseif kind ~= "string" and kind ~= "table" and kind ~= "function" then
            argError("gsub", 3, "string/function/table expected, got " .. ((repl ~= nil or n ~= nil) and typeName(repl) or "no value"), 0)
        end
        -- Errors raised inside the caller's function or table pass unchanged; `inside` tells them from gsub's own.
        local inside = false
        local function foreign() return inside end
        if kind == "function" then
            local f = repl
            local function leave(...) inside = false return ... end
            repl = function(...) inside = true return leave(f(...)) end
        end
        if kind == "table" and getmetatable(repl) ~= nil then
            local t = repl
            repl = setmetatable({}, { __index = function(_, key) inside = true local v = t[key] inside = false return v end })
        end
        if #s <= (infos[p] or infoOf(p)).nmax then return settle(foreign, pcall(gsub, s, p, repl, n)) end
        return settle(foreign, pcall(M.gsub, s, p, repl, n))
    end
    return lib
end

return M
