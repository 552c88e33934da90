using FsCheck;
using FsCheck.Fluent;
using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// The sandbox's pattern functions run natively while a bound on the work is small and in the metered Lua matcher
/// (Sandbox/patterns.lua) beyond it. The two must be indistinguishable: the same results, captures and error
/// messages, checked on generated patterns and subjects (an engine with NativePatternWork = 0 uses the Lua matcher
/// for every call). And a backtracking pattern over a long subject ends with the budget, not minutes later.
/// </summary>
public class PatternTests
{
    // Runs one call twice (the first call analyses the pattern, the second takes the fast path when the pattern is
    // sound), returning both results (or errors) as one string: values %q-quoted, so "" and nil differ.
    private const string Probe = """
        local op, s, p, extra = ...
        local function once()
        local function show(ok, ...)
          local t = table.pack(...)
          local out = { tostring(ok) }
          for i = 1, t.n do
            local v = t[i]
            out[#out + 1] = type(v) == "string" and string.format("%q", v) or tostring(v)
          end
          return table.concat(out, ",")
        end
        if op == "find" then return show(pcall(string.find, s, p, extra))
        elseif op == "plainless" then return show(pcall(s.find, s, p))
        elseif op == "match" then return show(pcall(string.match, s, p, extra))
        elseif op == "gmatch" then
          return show(pcall(function()
            local all = {}
            for a, b in string.gmatch(s, p, extra) do all[#all + 1] = tostring(a) .. "|" .. tostring(b) end
            return table.concat(all, ";")
          end))
        elseif op == "gsub-string" then return show(pcall(string.gsub, s, p, "<%0:%1>", extra))
        elseif op == "gsub-function" then return show(pcall(string.gsub, s, p, function(a, b) if a == "a" then return nil end return "[" .. tostring(a) .. tostring(b) .. "]" end, extra))
        elseif op == "gsub-table" then return show(pcall(string.gsub, s, p, { a = "A", ab = 1, b = false }, extra))
        end
        end
        return once() .. " / " .. once()
        """;

    private static readonly string[] Ops = ["find", "plainless", "match", "gmatch", "gsub-string", "gsub-function", "gsub-table"];

    private static readonly string[] Pieces =
    [
        "a", "b", "c", " ", ".", "%a", "%d", "%s", "%w", "%p", "%A", "%%", "%.", "[ab]", "[^a]", "[a-c]", "[%d%s]", "[]]",
        "[^]a]", "*", "+", "-", "?", "(", ")", "()", "%b()", "%f[%a]", "%f[%A]", "%1", "%2", "%0", "^", "$", "[", "%", "%b",
        "%f", "%z", "(a*)", "(.-)", "[a-]", "%x", "%u", "%l", "%c", "%g",
    ];

    private static Gen<string> Pattern =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts.Take(8)));

    private static Gen<string> Subject =>
        Gen.Elements("a", "b", "c", " ", "(", ")", "1", "2", "ab", "A", ".", "%", "\0").ListOf().Select(parts => string.Concat(parts.Take(14)));

    private static string Run(EngineHost host, string op, string s, string p, LuaArg extra) =>
        ((LuaString)host.Run(Probe, "=pattern", op, s, p, extra)[0]).Text;

    [Test]
    public void GeneratedPatterns_TheLuaMatcher_AgreesWithTheNativeOne()
    {
        using var native = new EngineHost();
        using var metered = new EngineHost(new LuaEngineOptions { NativePatternWork = 0 });
        var cases = from op in Gen.Elements(Ops)
                    from s in Subject
                    from p in Pattern
                    from init in Gen.Elements<long?>(null, 1, 2, -1, -3, 0, 5, 40)
                    select (op, s, p, init);
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var extra = c.init is { } i ? (LuaArg)i : LuaArg.Nil;
            var expected = Run(native, c.op, c.s, c.p, extra);
            var actual = Run(metered, c.op, c.s, c.p, extra);
            if (expected != actual)
            {
                throw new PropertyMismatchException($"{c.op}({Quote(c.s)}, {Quote(c.p)}, {c.init?.ToString() ?? "nil"}): native {expected}, Lua matcher {actual}");
            }
        });
        PropertyRunner.Check(property, 3000);
    }

    [TestCase("find", "hello world", "o w", null)]
    [TestCase("find", "key = value", "^(%w+)%s*=%s*(%w+)$", null)]
    [TestCase("match", "  trimmed  ", "^%s*(.-)%s*$", null)]
    [TestCase("match", "f(a(b)c)d", "%b()", null)]
    [TestCase("match", "THE (quick) fox", "%f[%a]%a+", null)]
    [TestCase("match", "hello hello", "(h%a+) %1", null)]
    [TestCase("gmatch", "one two  three", "%a+", null)]
    [TestCase("gmatch", "abc", "()", null)]
    [TestCase("gsub-string", "hello world", "(o)", 1L)]
    [TestCase("gsub-function", "abab", "(a)(b)", null)]
    [TestCase("gsub-table", "a ab b", "%a+", null)]
    [TestCase("find", "x", "[a", null)]
    [TestCase("find", "x", "%", null)]
    [TestCase("match", "x", "(()", null)]
    [TestCase("match", "x", "%1", null)]
    [TestCase("gsub-string", "x", "x", null)]
    // Hand-picked cases: the manual's examples and each error message.
    public void Examples_TheLuaMatcher_AgreesWithTheNativeOne(string op, string s, string p, long? init)
    {
        using var native = new EngineHost();
        using var metered = new EngineHost(new LuaEngineOptions { NativePatternWork = 0 });
        var extra = init is { } i ? (LuaArg)i : LuaArg.Nil;
        Assert.That(Run(metered, op, s, p, extra), Is.EqualTo(Run(native, op, s, p, extra)));
    }

    // What Lua 5.4 itself prints for each (lua5.4 run on the same lines), through both paths: errors are placed at the
    // caller's line and name the function as the caller called it; a missing argument is "no value", a nil one "nil"
    // (told apart by position: a nil followed by nothing reads "no value", also when it was given; Sandbox/README.md).
    // (Not in a tail position: `return s:find(x)` leaves no caller frame to place the error at; see Sandbox/README.md.)
    [TestCase("local r = string.find('x', '[a')", "test:1: malformed pattern (missing ']')")]
    [TestCase("local r = ('x'):find(nil, 1)", "test:1: bad argument #1 to 'find' (string expected, got nil)")]
    [TestCase("local r = ('x'):find()", "test:1: bad argument #1 to 'find' (string expected, got no value)")]
    [TestCase("local r = string.gsub('x', 'x')", "test:1: bad argument #3 to 'gsub' (string/function/table expected, got no value)")]
    [TestCase("local r = string.gsub('x', 'x', 'y', 'z')", "test:1: bad argument #4 to 'gsub' (number expected, got string)")]
    [TestCase("local r = string.find('x', 'x', 1.5)", "test:1: bad argument #3 to 'find' (number has no integer representation)")]
    [TestCase("local r = string.find('x', 'x', {})", "test:1: bad argument #3 to 'find' (number expected, got table)")]
    [TestCase("local f = string.find; local r = f(nil, 'x')", "test:1: bad argument #1 to 'f' (string expected, got nil)")]
    [TestCase("local ok, e = pcall(string.find, nil, 'x') error(e, 0)", "bad argument #1 to 'string.find' (string expected, got nil)")]
    [TestCase("local r = string.find(setmetatable({}, {__name = 'MyType'}), 'x')", "test:1: bad argument #1 to 'find' (string expected, got MyType)")]
    [TestCase("for a in ('x'):gmatch('%') do end", "test:1: malformed pattern (ends with '%')")]
    [TestCase("local r = ('x'):gsub('x', '%2')", "test:1: invalid capture index %2")]
    [TestCase("local r = ('x'):gsub('x', '%')", "test:1: invalid use of '%' in replacement string")]
    [TestCase("local r = ('x'):gsub('x', {x = {}})", "test:1: invalid replacement value (a table)")]
    [TestCase("local r = ('x'):gsub('x', function() error('mine') end)", "test:1: mine")]
    public void Errors_ReadAsLuasOwn(string code, string expected)
    {
        foreach (var work in new[] { 1e8, 0 })
        {
            using var host = new EngineHost(new LuaEngineOptions { NativePatternWork = work });
            var message = host.Run($"local ok, e = pcall(function() {code}\n end) return e");
            Assert.That(message, Is.EqualTo(new LuaValue[] { LuaString.From(expected) }), $"NativePatternWork = {work}");
        }
    }

    [Test]
    public void ArgumentsAreConverted_AsLuasOwn()
    {
        foreach (var work in new[] { 1e8, 0 })
        {
            using var host = new EngineHost(new LuaEngineOptions { NativePatternWork = work });
            Assert.That(host.Run("return (string.find('abc', 'b', '2')), (('x'):rep(3):gsub('x', 7)), string.match(12345, 34)"),
                Is.EqualTo(new LuaValue[] { new LuaInteger(2), LuaString.From("777"), LuaString.From("34") }));
        }
    }

    [TestCase("return (string.rep('a', 200000)):find('.-b')")]
    [TestCase("return (string.rep('a', 200000)):match('(.-)(.-)b')")]
    [TestCase("return (string.rep('a', 200000)):gsub('a-b', '')")]
    [TestCase("for _ in (string.rep('a', 200000)):gmatch('.-b') do end")]
    // The breaking input of the hostile-input review: native, this runs for minutes.
    public void BacktrackingOverALongSubject_EndsWithTheBudget(string code)
    {
        var kind = Deadline.Run(() =>
        {
            using var host = new EngineHost(new LuaEngineOptions { InstructionBudget = 20_000_000 });
            return Assert.Throws<LuaScriptException>(() => host.Run(code))!.Kind;
        });
        Assert.That(kind, Is.EqualTo(LuaErrorKind.Budget));
    }

    [Test]
    public void LinearWorkOverALongSubject_StillWorks()
    {
        using var host = new EngineHost();
        var results = host.Run("local s = string.rep('ab ', 100000) local t, n = s:gsub('%s+', '') return #t, n, select(2, s:find('b', 1, true))");
        Assert.That(results, Is.EqualTo(new LuaValue[] { new LuaInteger(200000), new LuaInteger(100000), new LuaInteger(2) }));
    }

    private static string Quote(string text) => "\"" + text.Replace("\0", "\\0", StringComparison.Ordinal) + "\"";
}
