namespace Phoenix.Mutation.Mutants;

/// <summary>The mutation operators, by the short names reports and equivalent-mutants.yaml use.</summary>
public static class MutationOperator
{
    /// <summary>&lt; &lt;= &gt; &gt;= : boundary (&lt; ↔ &lt;=) and direction (&lt; ↔ &gt;) swaps.</summary>
    public const string Relational = "relational";

    /// <summary>== ↔ ~=.</summary>
    public const string Equality = "equality";

    /// <summary>and ↔ or.</summary>
    public const string Logical = "logical";

    /// <summary>A <c>not</c> removed.</summary>
    public const string NotRemoval = "not-removal";

    /// <summary>A call statement or an assignment removed.</summary>
    public const string DropStatement = "drop-statement";

    /// <summary><c>...</c> repacked through a table: <c>table.unpack({...})</c>, and <c>select('#', ...)</c> as
    /// <c>#{...}</c>; both lose nil holes.</summary>
    public const string VarargRepack = "vararg-repack";

    /// <summary>Two adjacent arguments of a call swapped.</summary>
    public const string ArgSwap = "arg-swap";

    /// <summary>A comparison with a string literal made case-insensitive (<c>string.lower</c> on both sides).</summary>
    public const string CaseInsensitive = "case-insensitive";

    /// <summary>A number +1 or 0, true ↔ false, a string literal emptied.</summary>
    public const string Constant = "constant";

    /// <summary><c>do return end</c> inserted at the start of a function body.</summary>
    public const string EarlyReturn = "early-return";

    /// <summary>The values of a <c>return</c> replaced by <c>nil</c>.</summary>
    public const string NilReturn = "nil-return";

    public static IReadOnlyList<string> All { get; } =
        [Relational, Equality, Logical, NotRemoval, DropStatement, VarargRepack, ArgSwap, CaseInsensitive, Constant, EarlyReturn, NilReturn];
}
