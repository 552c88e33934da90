using System.Text.Json.Serialization;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Results;

/// <summary>
/// One rule's line in results.json. Plain data copied out of the harness types so a results file can be read back
/// (diff, baseline) without the suite that produced it. Property order here is the JSON order.
/// </summary>
/// <param name="Id">Rule ID, "CLAUSE-ID/MethodName".</param>
/// <param name="Message">First line of the failure; <paramref name="Details"/> is the full text.</param>
/// <param name="Seed">FsCheck replay seed (<c>--seed</c>) when the rule ran a property.</param>
/// <param name="Expected">The outcome the expectations file names, if it names this rule.</param>
public sealed record RuleRecord(
    string Id,
    string Clause,
    [property: JsonConverter(typeof(ClauseLevelJsonConverter))] ClauseLevel Level,
    string Family,
    RuleOutcome Outcome,
    Verdict Verdict,
    double DurationMs,
    string? Message = null,
    string? Details = null,
    string? Seed = null,
    RuleOutcome? Expected = null,
    string? ExpectedReason = null)
{
    /// <summary>What a reader sees: "pass", "fail", …, "expected failure", "unexpected pass".</summary>
    [JsonIgnore]
    public string Label => Classification.Label(Outcome, Verdict);

    /// <summary>The rule's method name, the part after the clause ID.</summary>
    [JsonIgnore]
    public string Name => Id.Contains('/', StringComparison.Ordinal) ? Id[(Id.IndexOf('/', StringComparison.Ordinal) + 1)..] : Id;

    /// <summary>Copies a harness result, judged against <paramref name="expectation"/> when there is one.</summary>
    public static RuleRecord From(RuleResult result, Expectations.Expectation? expectation) => new(
        result.Rule.Id,
        result.Rule.Clause.Id,
        result.Rule.Clause.Level,
        result.Rule.Clause.Family,
        result.Outcome,
        Classification.Judge(result.Outcome, expectation?.Outcome),
        Math.Round(result.Duration.TotalMilliseconds, 1),
        result.Message,
        result.Details,
        result.Seed,
        expectation?.Outcome,
        expectation?.Reason);
}
