namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// The kernel stopped (panicked, crashed, shut itself down or went silent) while booting an image or serving an
/// operation. The runner reports the rule as a failure, not an error: the image was valid, and a kernel must keep
/// going when a module or driver fails (ADAPTER-CONTRACT.md). The message should say what the kernel was doing and
/// why it stopped (its panic text or last screen), because that is the evidence in the report.
/// </summary>
public sealed class KernelStoppedException(string message, Exception? inner = null) : Exception(message, inner);
