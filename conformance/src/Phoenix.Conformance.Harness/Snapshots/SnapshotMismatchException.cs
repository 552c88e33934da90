namespace Phoenix.Conformance.Harness.Snapshots;

/// <summary>A snapshot did not match its verified file.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
