namespace Phoenix.Conformance.Protocol.Adapter.Client;

/// <summary>
/// The runner killed the kernel host from outside (its memory cap or the rule's wall-clock limit), so what was asked
/// of it has no answer. Unlike a host that dies on its own (<c>KernelStoppedException</c>, a failure of the kernel),
/// this is the runner's limit at work: the rule is reported as an error with <see cref="Exception.Message"/> as the
/// reason.
/// </summary>
public sealed class HostKilledException(string message) : Exception(message);
