namespace Phoenix.Conformance.Suite.Generators;

/// <summary>What a module-table step does (see <see cref="ModuleOp"/>).</summary>
public enum ModuleOpKind
{
    Load,
    Unload,
    Call,
    Chmod,
    Chown,
}
