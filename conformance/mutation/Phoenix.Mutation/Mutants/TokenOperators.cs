using Phoenix.Mutation.Lua;

namespace Phoenix.Mutation.Mutants;

/// <summary>The mutation operators over one script's tokens (see <see cref="MutationOperator"/> for the list).</summary>
internal sealed class TokenOperators(LuaStructure structure, string source, List<Edit> edits)
{
    private static readonly Dictionary<string, string> Boundary = new() { ["<"] = "<=", ["<="] = "<", [">"] = ">=", [">="] = ">" };
    private static readonly Dictionary<string, string> Direction = new() { ["<"] = ">", ["<="] = ">=", [">"] = "<", [">="] = "<=" };

    private IReadOnlyList<LuaToken> Tokens => structure.Tokens;

    public void ProposeAll()
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            Swaps(i, t);
            Constant(i, t);
            if (t.Is("...") && !structure.InParameterList(i)) Vararg(i);
            if (t.Is("(") && IsCall(i)) ArgumentSwaps(i);
            if (t.Is("==") || t.Is("~=")) CaseInsensitive(i);
            if (t.Kind == LuaTokenKind.Name && IsStatementStart(i)) DropStatement(i);
            if (t.Is("return")) NilReturn(i);
        }
        foreach (var function in structure.Functions) EarlyReturn(function);
    }

    private void Add(string op, int token, int start, int end, string replacement) =>
        edits.Add(new Edit(op, start, end - start, replacement, token));

    private void Replace(string op, int token, string replacement) => Add(op, token, Tokens[token].Start, Tokens[token].End, replacement);

    private string Text(int first, int last) => source[Tokens[first].Start..Tokens[last].End];

    private void Swaps(int i, LuaToken t)
    {
        if (Boundary.TryGetValue(t.Text, out var boundary) && t.Kind == LuaTokenKind.Symbol && !IsAttribute(i))
        {
            Replace(MutationOperator.Relational, i, boundary);
            Replace(MutationOperator.Relational, i, Direction[t.Text]);
        }
        if (t.Is("==")) Replace(MutationOperator.Equality, i, "~=");
        if (t.Is("~=")) Replace(MutationOperator.Equality, i, "==");
        if (t.Is("and")) Replace(MutationOperator.Logical, i, "or");
        if (t.Is("or")) Replace(MutationOperator.Logical, i, "and");
        // The space after "not" goes too, so "not x" becomes "x".
        if (t.Is("not") && i + 1 < Tokens.Count) Add(MutationOperator.NotRemoval, i, t.Start, Tokens[i + 1].Start, "");
    }

    /// <summary>"&lt;const&gt;" and "&lt;close&gt;" are attributes, not comparisons.</summary>
    private bool IsAttribute(int i) =>
        (Tokens[i].Is("<") && structure.At(i + 2).Is(">") && structure.At(i + 1).Kind == LuaTokenKind.Name)
        || (Tokens[i].Is(">") && structure.At(i - 2).Is("<") && structure.At(i - 1).Kind == LuaTokenKind.Name);

    private void Constant(int i, LuaToken t)
    {
        if (t.Kind == LuaTokenKind.Number)
        {
            if (long.TryParse(t.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                Replace(MutationOperator.Constant, i, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (n != 0) Replace(MutationOperator.Constant, i, "0");
            }
            else
            {
                Replace(MutationOperator.Constant, i, $"({t.Text} + 1)");
                Replace(MutationOperator.Constant, i, "0");
            }
        }
        if (t.Is("true")) Replace(MutationOperator.Constant, i, "false");
        if (t.Is("false")) Replace(MutationOperator.Constant, i, "true");
        if (t.IsQuotedString && t.Text.Length > 2) Replace(MutationOperator.Constant, i, "\"\"");
    }

    private void Vararg(int i)
    {
        // select("#", ...) counts trailing nils; #{...} may not.
        if (structure.At(i - 4).Text == "select" && structure.At(i - 3).Is("(") && structure.At(i - 2).Text is "\"#\"" or "'#'"
            && structure.At(i - 1).Is(",") && structure.At(i + 1).Is(")"))
        {
            Add(MutationOperator.VarargRepack, i, Tokens[i - 4].Start, Tokens[i + 1].End, "#{...}");
        }
        Replace(MutationOperator.VarargRepack, i, "table.unpack({...})");
    }

    /// <summary>An opening parenthesis right after a name or a closing bracket is a call, unless it opens a
    /// function's parameter list.</summary>
    private bool IsCall(int i)
    {
        if (structure.InParameterList(i) || structure.Partner(i) < 0) return false;
        var before = structure.At(i - 1);
        return i > 0 && (before.Kind == LuaTokenKind.Name || before.Is(")") || before.Is("]"));
    }

    private void ArgumentSwaps(int open)
    {
        var close = structure.Partner(open);
        var args = new List<(int First, int Last)>();
        var first = open + 1;
        for (var j = open + 1; j < close; j++)
        {
            if (structure.Partner(j) > j) j = structure.Partner(j);
            else if (Tokens[j].Is("function") && structure.BlockEnd(j) > j) j = structure.BlockEnd(j);
            else if (Tokens[j].Is(","))
            {
                args.Add((first, j - 1));
                first = j + 1;
            }
        }
        if (first < close) args.Add((first, close - 1));
        for (var k = 0; k + 1 < args.Count; k++)
        {
            var (a, b) = (args[k], args[k + 1]);
            var (left, right) = (Text(a.First, a.Last), Text(b.First, b.Last));
            if (left == right) continue;
            var between = source[Tokens[a.Last].End..Tokens[b.First].Start];
            Add(MutationOperator.ArgSwap, a.First, Tokens[a.First].Start, Tokens[b.Last].End, right + between + left);
        }
    }

    private void CaseInsensitive(int op)
    {
        var right = structure.At(op + 1);
        var left = structure.At(op - 1);
        int first, last;
        if (right.IsQuotedString && HasLetter(right.Text))
        {
            (first, last) = (LeftOperandStart(op - 1), op + 1);
            if (first < 0 || IsTypeCall(first)) return;
        }
        else if (left.IsQuotedString && HasLetter(left.Text) && op > 0)
        {
            (first, last) = (op - 1, SuffixedEnd(op + 1));
            if (last < 0 || IsTypeCall(op + 1)) return;
        }
        else
        {
            return;
        }
        var replacement = $"string.lower({Text(first, op - 1)}) {Tokens[op].Text} string.lower({Text(op + 1, last)})";
        Add(MutationOperator.CaseInsensitive, first, Tokens[first].Start, Tokens[last].End, replacement);
    }

    // type(...) answers lowercase names only: lowering both sides of a comparison with it changes nothing.
    private bool IsTypeCall(int i) => Tokens[i].Text == "type" && structure.At(i + 1).Is("(");

    private static bool HasLetter(string literal) => literal.Any(char.IsAsciiLetter);

    /// <summary>The first token of the name, field, index or call expression that ends at <paramref name="j"/>.</summary>
    private int LeftOperandStart(int j)
    {
        while (j >= 0)
        {
            var t = Tokens[j];
            if (t.Is(")") || t.Is("]"))
            {
                var open = structure.Partner(j);
                if (open < 0) return -1;
                var before = structure.At(open - 1);
                if (open > 0 && (before.Kind == LuaTokenKind.Name || before.Is(")") || before.Is("]")))
                {
                    j = open - 1;
                    continue;
                }
                return t.Is(")") ? open : -1;
            }
            if (t.Kind != LuaTokenKind.Name) return -1;
            if (structure.At(j - 1).Is(".") || structure.At(j - 1).Is(":"))
            {
                j -= 2;
                continue;
            }
            return j;
        }
        return -1;
    }

    /// <summary>The last token of the name, field, index or call expression that starts at <paramref name="j"/>.</summary>
    private int SuffixedEnd(int j)
    {
        if (structure.At(j).Is("(")) j = structure.Partner(j);
        else if (structure.At(j).Kind != LuaTokenKind.Name) return -1;
        while (j >= 0 && j + 1 < Tokens.Count)
        {
            var next = Tokens[j + 1];
            if ((next.Is(".") || next.Is(":")) && structure.At(j + 2).Kind == LuaTokenKind.Name) j += 2;
            else if ((next.Is("[") || next.Is("(")) && structure.Partner(j + 1) > j) j = structure.Partner(j + 1);
            else break;
        }
        return j;
    }

    private bool IsStatementStart(int i)
    {
        if (i == 0) return true;
        var before = Tokens[i - 1];
        return structure.EndsExpression(i - 1) || before.Is("then") || before.Is("do") || before.Is("else") || before.Is("repeat") || before.Is(";");
    }

    /// <summary>A call statement or an assignment starting at name <paramref name="i"/>, removed.</summary>
    private void DropStatement(int i)
    {
        var j = i + 1;
        var call = false;
        while (j < Tokens.Count)
        {
            var t = Tokens[j];
            if ((t.Is(".") || t.Is(":")) && structure.At(j + 1).Kind == LuaTokenKind.Name)
            {
                j += 2;
                call = false;
            }
            else if ((t.Is("[") || t.Is("(") || t.Is("{")) && structure.Partner(j) > j)
            {
                call = !t.Is("[");
                j = structure.Partner(j) + 1;
            }
            else if (t.Kind == LuaTokenKind.String)
            {
                call = true;
                j++;
            }
            else
            {
                break;
            }
        }
        int last;
        if (structure.At(j).Is("=") || structure.At(j).Is(","))
        {
            var assign = j;
            while (assign < Tokens.Count && !Tokens[assign].Is("="))
            {
                if (Tokens[assign].Kind == LuaTokenKind.Keyword) return;
                assign = structure.Partner(assign) > assign ? structure.Partner(assign) + 1 : assign + 1;
            }
            if (assign >= Tokens.Count) return;
            last = structure.ExpressionListEnd(assign + 1);
            if (last <= assign) return;
        }
        else if (call)
        {
            last = j - 1;
        }
        else
        {
            return;
        }
        Add(MutationOperator.DropStatement, i, Tokens[i].Start, Tokens[last].End, "");
    }

    private void NilReturn(int i)
    {
        var next = structure.At(i + 1);
        if (i + 1 >= Tokens.Count || next.Is("end") || next.Is("else") || next.Is("elseif") || next.Is("until") || next.Is(";")) return;
        var last = structure.ExpressionListEnd(i + 1);
        if (last < i + 1 || (last == i + 1 && next.Is("nil"))) return;
        Add(MutationOperator.NilReturn, i + 1, next.Start, Tokens[last].End, "nil");
    }

    private void EarlyReturn(LuaFunction function)
    {
        var body = structure.At(function.BodyStart);
        if (function.BodyStart >= Tokens.Count || body.Is("end") || body.Is("return")) return;
        Add(MutationOperator.EarlyReturn, function.BodyStart, body.Start, body.Start, "do return end ");
    }
}
