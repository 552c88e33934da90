namespace Phoenix.Conformance.Harness.Adapters;

/// <summary>No adapter of that name is installed, the adapter refused the argument of a "prefix:argument" name, or a
/// folder to search for adapters does not exist. The message lists the adapters that are installed.</summary>
public sealed class UnknownAdapterException : Exception
{
    public UnknownAdapterException(string name, IEnumerable<string> known, string? reason = null)
        : base($"Unknown adapter '{name}'{(reason is null ? "" : $" ({reason})")}. Known adapters: {string.Join(", ", known)}.")
    {
    }

    private UnknownAdapterException(string message)
        : base(message)
    {
    }

    public static UnknownAdapterException MissingFolder(string path) =>
        new($"Adapter folder '{path}' (--adapter-path or {AdapterRegistry.PathEnvironmentVariable}) does not exist.");
}
