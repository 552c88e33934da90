namespace Phoenix.Conformance.Reporting.Results;

/// <summary>
/// A rule's outcome judged against its expectation (no expectation means "expected to pass"). This, not the raw
/// outcome, decides the exit code: only <see cref="UnexpectedFailure"/> (and <see cref="UnexpectedPass"/> under
/// --strict) fails a run.
/// </summary>
public enum Verdict
{
    /// <summary>Passed, and was expected to.</summary>
    Pass,

    /// <summary>Did not pass, with exactly the outcome the expectations file names.</summary>
    ExpectedFailure,

    /// <summary>Passed although the expectations file says it should not: the expectation is stale.</summary>
    UnexpectedPass,

    /// <summary>Did not pass, and no expectation names this outcome (a new failure or a changed failure kind).</summary>
    UnexpectedFailure,
}
