namespace Phoenix.Conformance.Suite.Generators;

/// <summary>What one step of a generated device scenario does.</summary>
public enum DeviceOpKind
{
    Attach,
    Detach,
    Register,
    Deregister,
    Call,
}
