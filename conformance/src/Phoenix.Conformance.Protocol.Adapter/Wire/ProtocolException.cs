namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>A message that does not follow ADAPTER-PROTOCOL.md: not JSON, a value in no known form, a field
/// missing or of the wrong type. The text names what was wrong, because it ends up in a report or on stderr.</summary>
public sealed class ProtocolException(string message) : Exception(message);
