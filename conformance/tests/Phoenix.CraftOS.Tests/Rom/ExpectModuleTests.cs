using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Rom;

/// <summary>Our cc.expect against CC: Tweaked's documented behaviour (tweaked.cc/library/cc.expect.html): the value
/// back on success, "bad argument"/"bad field" errors at the checked function's caller naming the function, an
/// optional type left out of the list, range's message, and the module callable.</summary>
public class ExpectModuleTests
{
    private static IReadOnlyList<LuaValue> Run(string lua)
    {
        using var run = new Host.KernelRun(RomLoader.Prelude + lua);
        return run.Values;
    }

    [Test]
    public void Expect_MatchingType_ReturnsTheValue() =>
        Assert.That(Run("""report(expect.expect(1, "x", "number", "string"), expect(2, 5, "number"), expect.field({ a = 1 }, "a", "number"), expect.range(3, 1, 5))"""),
            Is.EqualTo(new LuaValue[] { "x", 5L, 1L, 3L }));

    [Test]
    public void Expect_WrongType_NamesTheFunctionAndTheTypes()
    {
        var values = Run("""
            local function greet(name) expect.expect(1, name, "string", "number", "table") end
            local function optional(x) expect.expect(2, x, "string", "nil") end
            local _, named = pcall(function() greet(true) end)
            local _, unnamed = pcall(greet, true)
            local _, opt = pcall(function() optional(5) end)
            report(named, unnamed, opt)
            """);
        Assert.Multiple(() =>
        {
            // Raised at level 3: at the line that called greet, with the function's name.
            Assert.That(((LuaString)values[0]).Text, Does.Match(@"^kernel:\d+: bad argument #1 to 'greet' \(expected string, number or table, got boolean\)$"));
            // Called from C (pcall), the function has no name: the message leaves it out.
            Assert.That(((LuaString)values[1]).Text, Does.EndWith("bad argument #1 (expected string, number or table, got boolean)"));
            // "nil" among the allowed types means optional and is not listed.
            Assert.That(((LuaString)values[2]).Text, Does.EndWith("bad argument #2 to 'optional' (expected string, got number)"));
        });
    }

    [Test]
    public void Field_WrongType_NamesTheField() =>
        Assert.That(((LuaString)Run("""report(select(2, pcall(expect.field, { age = "x" }, "age", "number")))""")[0]).Text,
            Does.EndWith("bad field 'age' (expected number, got string)"));

    [Test]
    public void Range_Outside_SaysTheBounds()
    {
        var values = Run("""report(select(2, pcall(expect.range, 6, 1, 5)), select(2, pcall(expect.range, 0/0)), expect.range(-1e308))""");
        Assert.Multiple(() =>
        {
            Assert.That(((LuaString)values[0]).Text, Does.EndWith("number outside of range (expected 6 to be within 1 and 5)"));
            Assert.That(((LuaString)values[1]).Text, Does.Contain("number outside of range"), "NaN is in no range");
            Assert.That(values[2], Is.EqualTo((LuaValue)(-1e308)), "the bounds default to -huge and huge");
        });
    }
}
