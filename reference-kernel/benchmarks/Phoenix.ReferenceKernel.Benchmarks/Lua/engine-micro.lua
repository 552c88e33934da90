-- Engine micro-benchmarks, the same Lua for our engine (sandboxed, under its budget and memory limit) and for a
-- stock lua5.4 process: EngineVersusLua.cs runs both and prints the ratios. Returns { {name, ns per operation}, ... }.
local clock, format = os.clock, string.format
local create, resume, yield = coroutine.create, coroutine.resume, coroutine.yield
local results = {}

local function bench(name, n, body)
    body(n // 20) -- warm up
    local best = math.huge
    for _ = 1, 3 do
        local start = clock()
        body(n)
        local elapsed = clock() - start
        if elapsed < best then best = elapsed end
    end
    results[#results + 1] = { name, best / n * 1e9 }
end

bench("call", 2000000, function(n)
    local function f(x) return x end
    for i = 1, n do f(i) end
end)

bench("table allocation", 1000000, function(n)
    for i = 1, n do local t = { i, i } end
end)

bench("xpcall", 1000000, function(n)
    local function f() end
    local function handler(e) return e end
    for _ = 1, n do xpcall(f, handler) end
end)

bench("coroutine create+resume", 200000, function(n)
    local function body() end
    for _ = 1, n do resume(create(body)) end
end)

bench("resume/yield", 1000000, function(n)
    local co = create(function() while true do yield() end end)
    for _ = 1, n do resume(co) end
end)

bench("string.find (plain text)", 1000000, function(n)
    local s = "the quick brown fox jumps over the lazy dog"
    for _ = 1, n do s:find("lazy") end
end)

bench("string.match (captures)", 500000, function(n)
    local s = "key = value"
    for _ = 1, n do s:match("^(%w+)%s*=%s*(%w+)$") end
end)

bench("string.gsub", 300000, function(n)
    local s = "a,b,c,d,e,f"
    for _ = 1, n do s:gsub(",", ";") end
end)

return results
