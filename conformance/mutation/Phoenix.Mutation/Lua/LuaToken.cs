namespace Phoenix.Mutation.Lua;

/// <summary>One token: its text as written, where it starts in the source (a character offset) and its 1-based line.</summary>
public readonly record struct LuaToken(LuaTokenKind Kind, string Text, int Start, int Line)
{
    public int End => Start + Text.Length;

    public bool Is(string text) => (Kind is LuaTokenKind.Symbol or LuaTokenKind.Keyword) && Text == text;

    public bool IsQuotedString => Kind == LuaTokenKind.String && Text[0] is '"' or '\'';
}
