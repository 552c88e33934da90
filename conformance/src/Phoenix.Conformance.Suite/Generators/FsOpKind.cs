namespace Phoenix.Conformance.Suite.Generators;

/// <summary>What one step of a generated mount-table scenario does.</summary>
public enum FsOpKind
{
    Mount,
    Unmount,
    Call,
}
