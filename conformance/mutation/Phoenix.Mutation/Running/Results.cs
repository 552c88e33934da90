using Phoenix.Conformance.Rules;
using Phoenix.Mutation.Mutants;

namespace Phoenix.Mutation.Running;

/// <summary>Builds <see cref="MutantResult"/>s from mutants.</summary>
public static class Results
{
    public static MutantResult From(Mutant mutant, string source, MutantOutcome outcome, string? killedBy = null,
        Profile? profile = null, double durationMs = 0, string? reason = null)
    {
        var (before, after) = mutant.DiffLine(source);
        return new MutantResult
        {
            Id = mutant.Id,
            Script = mutant.Script,
            Line = mutant.Line,
            Operator = mutant.Operator,
            Family = mutant.Family,
            Function = mutant.Function,
            Original = mutant.Original,
            Replacement = mutant.Replacement,
            Before = before,
            After = after,
            Outcome = outcome,
            KilledBy = killedBy,
            Profile = profile?.ToString().ToLowerInvariant(),
            DurationMs = Math.Round(durationMs, 1),
            Reason = reason,
        };
    }
}
