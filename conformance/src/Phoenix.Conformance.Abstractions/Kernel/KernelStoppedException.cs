namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// The kernel stopped (panicked, crashed, shut itself down or went silent) while booting an image or serving an
/// operation. The runner reports the rule as a failure, not an error: the image was valid, and a kernel must keep
/// going when a module fails (ADAPTER-CONTRACT.md). Only COMPAT rules expect a stop (a driver that fails to bind
/// stops Phoenix 0.0.9; <c>Check.Stops</c>). The message should say what the kernel was doing and why it stopped
/// (its panic text or last screen), because that is the evidence in the report.
/// </summary>
public sealed class KernelStoppedException(string message, Exception? inner = null) : Exception(message, inner);
