namespace Phoenix.Mutation.Lua;

/// <summary>
/// A Lua 5.4 lexer, enough to mutate source text safely: names, keywords, numbers (decimal, hex, floats, exponents),
/// strings (quoted with escapes, and long brackets <c>[==[ ]==]</c>), comments (line and long) skipped, and the
/// operator set. Tokens keep their offsets, so a mutation replaces exactly the characters of the tokens it changes.
/// </summary>
public static class LuaLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in", "local", "nil",
        "not", "or", "repeat", "return", "then", "true", "until", "while",
    };

    // Longest first, so "..." wins over ".." over ".".
    private static readonly string[] Symbols =
    [
        "...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::",
        "+", "-", "*", "/", "%", "^", "#", "&", "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".",
    ];

    public static IReadOnlyList<LuaToken> Tokenize(string source)
    {
        var tokens = new List<LuaToken>();
        var i = 0;
        var line = 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(source, i + 1) == '-')
            {
                i = SkipComment(source, i + 2, ref line);
            }
            else if (c == '[' && LongBracketLevel(source, i) is { } level)
            {
                var start = i;
                var startLine = line;
                i = SkipLongBracket(source, i, level, ref line);
                tokens.Add(new LuaToken(LuaTokenKind.String, source[start..i], start, startLine));
            }
            else if (c is '"' or '\'')
            {
                var start = i;
                var startLine = line;
                i = SkipQuoted(source, i, ref line);
                tokens.Add(new LuaToken(LuaTokenKind.String, source[start..i], start, startLine));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(source, i + 1))))
            {
                var start = i;
                i = SkipNumber(source, i);
                tokens.Add(new LuaToken(LuaTokenKind.Number, source[start..i], start, line));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_')) i++;
                var word = source[start..i];
                tokens.Add(new LuaToken(Keywords.Contains(word) ? LuaTokenKind.Keyword : LuaTokenKind.Name, word, start, line));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(source, i, s, 0, s.Length) == 0)
                    ?? throw new FormatException($"line {line}: unexpected character '{c}'");
                tokens.Add(new LuaToken(LuaTokenKind.Symbol, symbol, i, line));
                i += symbol.Length;
            }
        }
        return tokens;
    }

    private static char At(string source, int index) => index < source.Length ? source[index] : '\0';

    private static int SkipComment(string source, int i, ref int line)
    {
        if (At(source, i) == '[' && LongBracketLevel(source, i) is { } level) return SkipLongBracket(source, i, level, ref line);
        while (i < source.Length && source[i] != '\n') i++;
        return i;
    }

    /// <summary>The level (number of '=') of a long bracket opening at <paramref name="i"/>, or null if none opens there.</summary>
    private static int? LongBracketLevel(string source, int i)
    {
        var j = i + 1;
        while (At(source, j) == '=') j++;
        return At(source, j) == '[' ? j - i - 1 : null;
    }

    private static int SkipLongBracket(string source, int i, int level, ref int line)
    {
        var close = "]" + new string('=', level) + "]";
        var body = i + level + 2;
        var end = source.IndexOf(close, body, StringComparison.Ordinal);
        if (end < 0) throw new FormatException($"line {line}: unfinished long string or comment");
        line += source.AsSpan(i, end - i).Count('\n');
        return end + close.Length;
    }

    private static int SkipQuoted(string source, int i, ref int line)
    {
        var quote = source[i++];
        while (i < source.Length && source[i] != quote)
        {
            if (source[i] == '\n') throw new FormatException($"line {line}: unfinished string");
            if (source[i] == '\\')
            {
                // The escaped character is skipped whatever it is; "\z" and "\<newline>" may span lines.
                i++;
                if (At(source, i) == '\n') line++;
                if (At(source, i) == 'z')
                {
                    i++;
                    while (i < source.Length && char.IsWhiteSpace(source[i]))
                    {
                        if (source[i] == '\n') line++;
                        i++;
                    }
                    continue;
                }
            }
            i++;
        }
        if (i >= source.Length) throw new FormatException($"line {line}: unfinished string");
        return i + 1;
    }

    private static int SkipNumber(string source, int i)
    {
        var hex = source[i] == '0' && At(source, i + 1) is 'x' or 'X';
        if (hex) i += 2;
        var exponent = hex ? "pP" : "eE";
        while (i < source.Length)
        {
            var c = source[i];
            if (exponent.Contains(c, StringComparison.Ordinal))
            {
                i++;
                if (At(source, i) is '+' or '-') i++;
            }
            else if (c == '.' || (hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c)))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }
}
