namespace Phoenix.CraftOS.Filesystem;

/// <summary>A filesystem operation failed with a ComputerCraft error message ("/x: No such file").</summary>
public sealed class FsException(string message) : Exception(message);
