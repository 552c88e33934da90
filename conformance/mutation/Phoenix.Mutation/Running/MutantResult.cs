namespace Phoenix.Mutation.Running;

/// <summary>One mutant's verdict, as reports and --resume files carry it.</summary>
public sealed record MutantResult
{
    public required string Id { get; init; }

    public required string Script { get; init; }

    public required int Line { get; init; }

    public required string Operator { get; init; }

    public required string Family { get; init; }

    public string? Function { get; init; }

    public required string Original { get; init; }

    public required string Replacement { get; init; }

    /// <summary>The mutated line before and after the edit.</summary>
    public required string Before { get; init; }

    public required string After { get; init; }

    public required MutantOutcome Outcome { get; init; }

    /// <summary>The rule that caught it, with how ("fail", "error", "timeout"); for stillborn mutants the boot error.</summary>
    public string? KilledBy { get; init; }

    /// <summary>The profile the killing rule ran in (v2 first, then v1).</summary>
    public string? Profile { get; init; }

    public double DurationMs { get; init; }

    /// <summary>Why an equivalent mutant is equivalent (from equivalent-mutants.yaml).</summary>
    public string? Reason { get; init; }
}
