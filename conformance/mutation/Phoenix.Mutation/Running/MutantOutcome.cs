namespace Phoenix.Mutation.Running;

/// <summary>What the suite did with a mutant.</summary>
public enum MutantOutcome
{
    /// <summary>A MUST or SHOULD rule failed, errored or timed out: the page's rules caught it.</summary>
    Killed,

    /// <summary>The mutated kernel could not boot at all (the unmutated one does): caught before any rule.</summary>
    Stillborn,

    /// <summary>Only a COMPAT (Phoenix-behaviour) rule caught it: not counted for the page score.</summary>
    CompatOnly,

    /// <summary>Only an ADVISORY rule caught it: not counted for the page score.</summary>
    AdvisoryOnly,

    /// <summary>Every rule passed, in both profiles.</summary>
    Survived,

    /// <summary>Listed in equivalent-mutants.yaml: behaves as the original, so it is not run and not scored.</summary>
    Equivalent,
}
