namespace Phoenix.Mutation.Lua;

/// <summary>What a token is. Comments are not tokens: the lexer skips them, so no mutation can land in one.</summary>
public enum LuaTokenKind
{
    Name,
    Keyword,
    Number,

    /// <summary>A quoted or long-bracket string literal, its text exactly as written (quotes and brackets included).</summary>
    String,

    /// <summary>Operators and punctuation: "==", "...", "(", ...</summary>
    Symbol,
}
