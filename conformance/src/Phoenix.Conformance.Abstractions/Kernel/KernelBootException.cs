namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>The kernel could not be booted from the image (a malformed image, or the kernel itself broke).
/// The runner reports the rule as an error, not a failure.</summary>
public sealed class KernelBootException(string message, Exception? inner = null) : Exception(message, inner);
