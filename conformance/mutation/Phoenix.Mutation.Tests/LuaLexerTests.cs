using Phoenix.Mutation.Lua;

namespace Phoenix.Mutation.Tests;

public class LuaLexerTests
{
    private static string[] Texts(string source) => LuaLexer.Tokenize(source).Select(t => t.Text).ToArray();

    [Test]
    public void Comments_AreSkipped_LineAndLong()
    {
        var source = "a -- b < c\n--[[ x == y\n z ]] b --[==[ ]] still comment ]==] c";
        Assert.That(Texts(source), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Strings_AreOneToken_WithEscapesAndLongBrackets()
    {
        var tokens = LuaLexer.Tokenize("x = \"a \\\" == b\" .. 'c\\'d' .. [[e\n== f]] .. [=[g]]h]=]");
        var strings = tokens.Where(t => t.Kind == LuaTokenKind.String).Select(t => t.Text).ToArray();
        Assert.That(strings, Is.EqualTo(new[] { "\"a \\\" == b\"", "'c\\'d'", "[[e\n== f]]", "[=[g]]h]=]" }));
        Assert.That(tokens.Any(t => t.Text == "=="), Is.False, "an operator inside a string is not a token");
    }

    [Test]
    public void Numbers_IncludeHexFloatsAndExponents()
    {
        Assert.That(Texts("1 0x1F 3.5 .5 1e10 2E-3 0x1p4 0xA.8"), Is.EqualTo(new[] { "1", "0x1F", "3.5", ".5", "1e10", "2E-3", "0x1p4", "0xA.8" }));
    }

    [Test]
    public void Operators_TakeTheLongestMatch()
    {
        Assert.That(Texts("a...b..c.d==e~=f<=g>=h//i::j"),
            Is.EqualTo(new[] { "a", "...", "b", "..", "c", ".", "d", "==", "e", "~=", "f", "<=", "g", ">=", "h", "//", "i", "::", "j" }));
    }

    [Test]
    public void Keywords_AreTellApartFromNames()
    {
        var tokens = LuaLexer.Tokenize("local notx = not x");
        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[] { LuaTokenKind.Keyword, LuaTokenKind.Name, LuaTokenKind.Symbol, LuaTokenKind.Keyword, LuaTokenKind.Name }));
    }

    [Test]
    public void Lines_CountNewlinesInsideLongStringsAndComments()
    {
        var tokens = LuaLexer.Tokenize("a\n--[[\n\n]] b [[\n]] c\n'x\\\ny' d");
        Assert.That(tokens.Select(t => (t.Text[0], t.Line)), Is.EqualTo(new[] { ('a', 1), ('b', 4), ('[', 4), ('c', 5), ('\'', 6), ('d', 7) }));
    }

    [Test]
    public void Offsets_PointAtTheTokenText()
    {
        const string source = "if a ~= 'b' then f() end";
        Assert.That(LuaLexer.Tokenize(source).All(t => source.Substring(t.Start, t.Text.Length) == t.Text), Is.True);
    }

    [Test]
    public void UnfinishedString_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => LuaLexer.Tokenize("x = 'abc\ny'"));
        Assert.Throws<FormatException>(() => LuaLexer.Tokenize("x = [[abc"));
    }
}
