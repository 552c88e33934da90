namespace Phoenix.Conformance.Suite.Generators;

/// <summary>Steps run one after the other on a freshly booted kernel with the recording filesystem loaded.</summary>
public sealed record FsScenario(IReadOnlyList<FsOp> Ops)
{
    public override string ToString() => $"[{string.Join("; ", Ops)}]";
}
