namespace Phoenix.Conformance.Rules;

/// <summary>How binding a clause is (clauses.md, "Levels").</summary>
public enum ClauseLevel
{
    /// <summary>The page states it as kernel behaviour; counts toward conformance.</summary>
    Must,

    /// <summary>The page recommends it to module authors; not required of kernels.</summary>
    Should,

    /// <summary>Not on the page, observable in Phoenix 0.0.9; reported apart, never counted against conformance.</summary>
    Compat,

    /// <summary>Not required by the page's letter, but what its stated intent needs (security properties); each names
    /// the page sentence it serves. Reported apart, never counted against conformance (clauses.md, "Levels").</summary>
    Advisory,
}
