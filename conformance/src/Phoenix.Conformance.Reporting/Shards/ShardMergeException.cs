namespace Phoenix.Conformance.Reporting.Shards;

/// <summary>The shard results cannot be joined into one run; the message says which file and why, in one line.</summary>
public sealed class ShardMergeException(string message) : Exception(message);
