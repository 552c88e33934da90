namespace Phoenix.Conformance.Reporting.Expectations;

/// <summary>An expectations file could not be read or is not valid; the CLI turns this into exit code 2.</summary>
public sealed class ExpectationsException(string message, Exception? inner = null) : Exception(message, inner);
