using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Results;

/// <summary>
/// Counts for a set of rules (a run, or one clause family). Outcome counts are raw; the verdict counts say how they
/// compare with expectations. <see cref="ConformancePercent"/> is the share of MUST rules that passed: SHOULD
/// clauses are advice to module authors and COMPAT clauses are not on the page, so neither counts (clauses.md).
/// </summary>
public sealed record RunSummary(
    int Total,
    int Passed,
    int Failed,
    int Errors,
    int Timeouts,
    int NotSupported,
    int ExpectedFailures,
    int UnexpectedPasses,
    int UnexpectedFailures,
    double? ConformancePercent)
{
    public static RunSummary Of(IEnumerable<RuleRecord> rules)
    {
        var list = rules.ToList();
        var must = list.Where(r => r.Level == ClauseLevel.Must).ToList();
        return new RunSummary(
            list.Count,
            list.Count(r => r.Outcome == RuleOutcome.Pass),
            list.Count(r => r.Outcome == RuleOutcome.Fail),
            list.Count(r => r.Outcome == RuleOutcome.Error),
            list.Count(r => r.Outcome == RuleOutcome.Timeout),
            list.Count(r => r.Outcome == RuleOutcome.NotSupported),
            list.Count(r => r.Verdict == Verdict.ExpectedFailure),
            list.Count(r => r.Verdict == Verdict.UnexpectedPass),
            list.Count(r => r.Verdict == Verdict.UnexpectedFailure),
            must.Count == 0 ? null : Math.Round(100.0 * must.Count(r => r.Outcome == RuleOutcome.Pass) / must.Count, 1));
    }
}
