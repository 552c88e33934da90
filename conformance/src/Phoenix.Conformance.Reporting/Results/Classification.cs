using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Reporting.Results;

/// <summary>How outcomes and expectations combine, in one place so reports, the exit code and diff agree.</summary>
public static class Classification
{
    /// <summary>The verdict for <paramref name="outcome"/> when <paramref name="expected"/> was expected (null: pass).</summary>
    public static Verdict Judge(RuleOutcome outcome, RuleOutcome? expected) => (outcome, expected ?? RuleOutcome.Pass) switch
    {
        (RuleOutcome.Pass, RuleOutcome.Pass) => Verdict.Pass,
        (RuleOutcome.Pass, _) => Verdict.UnexpectedPass,
        var (actual, wanted) when actual == wanted => Verdict.ExpectedFailure,
        _ => Verdict.UnexpectedFailure,
    };

    /// <summary>The word a reader sees: the seven outcomes (pass, fail, error, timeout, not supported,
    /// expected failure, unexpected pass).</summary>
    public static string Label(RuleOutcome outcome, Verdict verdict) => verdict switch
    {
        Verdict.ExpectedFailure => "expected failure",
        Verdict.UnexpectedPass => "unexpected pass",
        _ => Label(outcome),
    };

    public static string Label(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Pass => "pass",
        RuleOutcome.Fail => "fail",
        RuleOutcome.Error => "error",
        RuleOutcome.Timeout => "timeout",
        RuleOutcome.NotSupported => "not supported",
        _ => outcome.ToString(),
    };

    /// <summary>The machine form of an outcome, as results.json and expectations files spell it.</summary>
    public static string Key(RuleOutcome outcome) => outcome == RuleOutcome.NotSupported ? "notSupported" : Label(outcome);

    /// <summary>Parses "fail", "notSupported", "not supported", "not-supported"… (case-insensitive).</summary>
    public static bool TryParseOutcome(string? text, out RuleOutcome outcome)
    {
        var squeezed = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse(squeezed, ignoreCase: true, out outcome) && Enum.IsDefined(outcome) && !int.TryParse(squeezed, out _);
    }
}
