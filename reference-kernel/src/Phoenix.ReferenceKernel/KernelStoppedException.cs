// Clauses: none
// Compat: PX-DRV-INIT-ERROR-STOPS-KERNEL
// Mirrors: Phoenix 99-main (a panic ends the kernel)

namespace Phoenix.ReferenceKernel;

/// <summary>The kernel stopped (see ReferenceKernel.Stop.cs) while booting or serving an operation; every later
/// operation throws it too. The message says what the kernel last logged. The adapter reports it as the contract's
/// stopped kernel, a rule failure.</summary>
public sealed class KernelStoppedException(string message, Exception? inner = null) : Exception(message, inner);
