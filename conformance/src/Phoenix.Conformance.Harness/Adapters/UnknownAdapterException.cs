namespace Phoenix.Conformance.Harness.Adapters;

/// <summary>No adapter of that name is installed. The message lists the ones that are.</summary>
public sealed class UnknownAdapterException(string name, IEnumerable<string> known)
    : Exception($"Unknown adapter '{name}'. Known adapters: {string.Join(", ", known)}.");
