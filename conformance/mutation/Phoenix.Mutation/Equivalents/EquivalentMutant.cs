using Phoenix.Mutation.Mutants;

namespace Phoenix.Mutation.Equivalents;

/// <summary>One entry of equivalent-mutants.yaml: a mutant that behaves as the original kernel, and why.</summary>
public sealed record EquivalentMutant(string Script, int Line, string Operator, string Original, string Replacement, string Reason)
{
    public bool Matches(Mutant mutant) =>
        mutant.Script == Script && mutant.Line == Line && mutant.Operator == Operator
        && mutant.Original == Original && mutant.Replacement == Replacement;
}
