namespace Phoenix.Conformance.Harness.Adapters;

/// <summary>No adapter of that name is installed, or the adapter refused the argument of a "prefix:argument" name.
/// The message lists the adapters that are installed.</summary>
public sealed class UnknownAdapterException(string name, IEnumerable<string> known, string? reason = null)
    : Exception($"Unknown adapter '{name}'{(reason is null ? "" : $" ({reason})")}. Known adapters: {string.Join(", ", known)}.");
