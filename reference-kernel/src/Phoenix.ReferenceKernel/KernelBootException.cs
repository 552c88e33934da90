// Clauses: none (how a boot that cannot start is reported)
// Mirrors: no Phoenix part

namespace Phoenix.ReferenceKernel;

/// <summary>The kernel could not be booted from the image (a malformed image, an unknown script override, glue that
/// breaks the kernel parts). The adapter reports it as the contract's boot failure, a rule error.</summary>
public sealed class KernelBootException(string message, Exception? inner = null) : Exception(message, inner);
