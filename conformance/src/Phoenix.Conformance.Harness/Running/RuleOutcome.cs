namespace Phoenix.Conformance.Harness.Running;

/// <summary>What running one rule against one kernel gave.</summary>
public enum RuleOutcome
{
    /// <summary>The kernel behaved as the clause says.</summary>
    Pass,

    /// <summary>The kernel broke the clause (a check failed).</summary>
    Fail,

    /// <summary>The kernel or the harness broke (could not boot, threw, a bug in the rule).</summary>
    Error,

    /// <summary>The rule ran past its time limit.</summary>
    Timeout,

    /// <summary>The adapter does not offer an operation the rule needs.</summary>
    NotSupported,
}
