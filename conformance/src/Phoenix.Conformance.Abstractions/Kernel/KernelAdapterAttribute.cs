namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// Declares, on an adapter assembly, an adapter the runner can select by name (<c>--adapter NAME</c>). The type must
/// implement <see cref="IKernelAdapter"/> and have a public parameterless constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class KernelAdapterAttribute(string name, Type adapterType) : Attribute
{
    public string Name { get; } = name;

    public Type AdapterType { get; } = adapterType;
}
