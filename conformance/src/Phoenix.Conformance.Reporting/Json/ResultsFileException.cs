namespace Phoenix.Conformance.Reporting.Json;

/// <summary>A results.json (baseline, diff input) could not be read; the CLI turns this into exit code 2.</summary>
public sealed class ResultsFileException(string message, Exception? inner = null) : Exception(message, inner);
