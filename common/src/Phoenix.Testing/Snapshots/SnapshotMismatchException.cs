namespace Phoenix.Testing.Snapshots;

/// <summary>A snapshot did not match its verified file.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
