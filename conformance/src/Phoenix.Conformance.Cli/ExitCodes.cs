namespace Phoenix.Conformance.Cli;

/// <summary>The CLI's exit codes, documented in reports/README.md.</summary>
public static class ExitCodes
{
    /// <summary>Every result is as expected (and no regression against the baseline).</summary>
    public const int Success = 0;

    /// <summary>Unexpected results: an unexpected failure, a baseline regression, an unexpected pass under --strict,
    /// a coverage gap; also an internal error, so CI never mistakes a crash for success.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad usage: unknown adapter or clause, unreadable expectations or results file, bad option value.</summary>
    public const int Usage = 2;

    /// <summary>The selection (--profile, --filter, --level) matches no rule: nothing was certified, so the run is
    /// neither a pass nor a failure. Nothing runs and no report is written.</summary>
    public const int EmptySelection = 3;
}
