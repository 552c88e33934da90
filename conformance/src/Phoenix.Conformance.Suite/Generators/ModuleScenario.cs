namespace Phoenix.Conformance.Suite.Generators;

/// <summary>Module files present at boot and the steps run after boot.</summary>
public sealed record ModuleScenario(IReadOnlyList<ModelFile> Files, IReadOnlyList<ModuleOp> Ops)
{
    public override string ToString() => $"files [{string.Join(", ", Files)}], steps [{string.Join("; ", Ops)}]";
}
