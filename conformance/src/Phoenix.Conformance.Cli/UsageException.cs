namespace Phoenix.Conformance.Cli;

/// <summary>The command line asks for something that cannot be done; printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
