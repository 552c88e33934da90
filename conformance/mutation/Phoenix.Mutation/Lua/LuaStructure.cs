namespace Phoenix.Mutation.Lua;

/// <summary>One function in the source: where its keyword, parameter list, body and <c>end</c> are (token indices),
/// and its name when it has one (<c>function kernel.bindDriver(...)</c>, <c>kernel.x = function(...)</c>).</summary>
public sealed record LuaFunction(int Keyword, int ParamsOpen, int ParamsClose, int End, string? Name)
{
    public int BodyStart => ParamsClose + 1;
}

/// <summary>
/// The bracket and block structure of a token list, enough for the operators: matching brackets, function bodies and
/// parameter lists, and the <c>end</c> (or <c>until</c>) that closes each block keyword.
/// </summary>
public sealed class LuaStructure
{
    private readonly int[] _partner;
    private readonly int[] _blockEnd;
    private readonly bool[] _inParams;

    public LuaStructure(IReadOnlyList<LuaToken> tokens)
    {
        Tokens = tokens;
        _partner = Enumerable.Repeat(-1, tokens.Count).ToArray();
        _blockEnd = Enumerable.Repeat(-1, tokens.Count).ToArray();
        _inParams = new bool[tokens.Count];
        var brackets = new Stack<int>();
        var blocks = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Is("(") || t.Is("[") || t.Is("{"))
            {
                brackets.Push(i);
            }
            else if ((t.Is(")") || t.Is("]") || t.Is("}")) && brackets.Count > 0)
            {
                var open = brackets.Pop();
                _partner[open] = i;
                _partner[i] = open;
            }
            else if (t.Is("function") || t.Is("if") || t.Is("do") || t.Is("repeat"))
            {
                blocks.Push(i);
            }
            else if ((t.Is("end") || t.Is("until")) && blocks.Count > 0)
            {
                _blockEnd[blocks.Pop()] = i;
            }
        }
        Functions = FindFunctions();
        foreach (var f in Functions)
        {
            for (var i = f.ParamsOpen; i <= f.ParamsClose; i++) _inParams[i] = true;
        }
    }

    public IReadOnlyList<LuaToken> Tokens { get; }

    public IReadOnlyList<LuaFunction> Functions { get; }

    /// <summary>The matching bracket of a bracket token, or -1.</summary>
    public int Partner(int index) => _partner[index];

    /// <summary>The <c>end</c>/<c>until</c> closing a block keyword (function, if, do, repeat), or -1.</summary>
    public int BlockEnd(int index) => _blockEnd[index];

    public bool InParameterList(int index) => _inParams[index];

    /// <summary>The names of the named functions around a token, innermost first.</summary>
    public IEnumerable<string> EnclosingNames(int index) =>
        Functions.Where(f => f.Name is not null && f.Keyword < index && index <= f.End).OrderByDescending(f => f.Keyword).Select(f => f.Name!);

    public LuaToken At(int index) => index >= 0 && index < Tokens.Count ? Tokens[index] : default;

    /// <summary>Tokens after which an expression may have ended: a name or keyword may then start a new statement.</summary>
    public bool EndsExpression(int index)
    {
        if (index < 0) return false;
        var t = Tokens[index];
        return t.Kind is LuaTokenKind.Name or LuaTokenKind.Number or LuaTokenKind.String
            || t.Is(")") || t.Is("]") || t.Is("}") || t.Is("...")
            || t.Is("nil") || t.Is("true") || t.Is("false") || t.Is("end");
    }

    /// <summary>
    /// Index of the last token of the expression list starting at <paramref name="start"/>: scanning on past nested
    /// brackets and function bodies, until a statement boundary (a keyword that starts or ends a statement, a name
    /// right after a complete expression, ';' or the end of input).
    /// </summary>
    public int ExpressionListEnd(int start)
    {
        var i = start;
        var last = start - 1;
        while (i < Tokens.Count)
        {
            var t = Tokens[i];
            if (last >= start && EndsExpression(last) && StartsStatement(t)) break;
            if (t.Is(";") || t.Is("end") || t.Is("else") || t.Is("elseif") || t.Is("until") || t.Is("then") || t.Is("do")) break;
            if (Partner(i) > i) i = Partner(i);
            else if (t.Is("function") && BlockEnd(i) > i) i = BlockEnd(i);
            last = i;
            i++;
        }
        return last;
    }

    private static bool StartsStatement(LuaToken t) =>
        t.Kind == LuaTokenKind.Name || t.Is("local") || t.Is("if") || t.Is("for") || t.Is("while") || t.Is("return")
        || t.Is("function") || t.Is("repeat") || t.Is("break") || t.Is("goto") || t.Is("::");

    private List<LuaFunction> FindFunctions()
    {
        var list = new List<LuaFunction>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!Tokens[i].Is("function")) continue;
            var j = i + 1;
            while (j < Tokens.Count && (Tokens[j].Kind == LuaTokenKind.Name || Tokens[j].Is(".") || Tokens[j].Is(":"))) j++;
            if (j >= Tokens.Count || !Tokens[j].Is("(") || Partner(j) < 0) continue;
            var name = j > i + 1 ? string.Concat(Tokens.Skip(i + 1).Take(j - i - 1).Select(t => t.Text)) : AssignedName(i);
            list.Add(new LuaFunction(i, j, Partner(j), BlockEnd(i), name));
        }
        return list;
    }

    /// <summary>"kernel.x" for <c>kernel.x = function</c> and "name" for <c>name = function</c> (also in a table
    /// constructor); null for other anonymous functions.</summary>
    private string? AssignedName(int keyword)
    {
        if (keyword < 2 || !Tokens[keyword - 1].Is("=")) return null;
        var j = keyword - 2;
        if (Tokens[j].Kind != LuaTokenKind.Name) return null;
        while (j >= 2 && Tokens[j - 1].Is(".") && Tokens[j - 2].Kind == LuaTokenKind.Name) j -= 2;
        return string.Concat(Tokens.Skip(j).Take(keyword - 1 - j).Select(t => t.Text));
    }
}
