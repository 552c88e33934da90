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
}
