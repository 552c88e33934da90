namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// Thrown inside a property body to falsify it. Property bodies must not use NUnit asserts: NUnit records a failed
/// assert in the test result even when FsCheck catches it to shrink, and that message would lack the replay seed.
/// </summary>
public sealed class PropertyMismatchException(string message) : Exception(message);
