namespace Phoenix.Conformance.ModuleCheck;

/// <summary>What the checker found in one module. Clean: no finding above a note, so the module follows the page's
/// advice as far as the checker could see.</summary>
public sealed record ModuleCheckResult(ModuleSource Module, IReadOnlyList<ModuleFinding> Findings)
{
    public bool Clean => Findings.All(f => f.Kind.Level == "note");
}
