namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// Thrown by an adapter for an operation it does not implement. The runner reports the rule as "not supported",
/// never as pass or fail, so an adapter can be certified on what it does support.
/// </summary>
public sealed class NotSupportedByAdapterException(string operation)
    : Exception($"The adapter does not support '{operation}'.")
{
    public string Operation { get; } = operation;
}
