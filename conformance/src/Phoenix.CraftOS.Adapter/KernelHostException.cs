namespace Phoenix.CraftOS.Adapter;

/// <summary>The kernel stopped answering: it crashed, shut down, went idle or looped without answering an adapter
/// request. The message carries the computer's report (stop reason, host log, screen); the rule is an error.</summary>
public sealed class KernelHostException(string message) : Exception(message);
