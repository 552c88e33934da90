namespace Phoenix.CraftOS.Filesystem;

/// <summary>One file (with bytes) or directory (with sorted children) of the in-memory tree.</summary>
public sealed class FsNode
{
    private FsNode(byte[]? content, long createdMs)
    {
        Content = content;
        Children = content is null ? new SortedDictionary<string, FsNode>(StringComparer.Ordinal) : null;
        CreatedMs = createdMs;
        ModifiedMs = createdMs;
    }

    public static FsNode NewDirectory(long nowMs) => new(null, nowMs);

    public static FsNode NewFile(byte[] content, long nowMs) => new(content, nowMs);

    public bool IsDirectory => Children is not null;

    /// <summary>File bytes; replaced (never mutated in place) so open readers keep a stable view.</summary>
    public byte[]? Content { get; set; }

    public SortedDictionary<string, FsNode>? Children { get; }

    public long CreatedMs { get; }

    public long ModifiedMs { get; set; }

    public long Size => Content?.LongLength ?? 0;

    /// <summary>Bytes held by this node and everything below it.</summary>
    public long TotalSize => IsDirectory ? Children!.Values.Sum(c => c.TotalSize) : Size;

    public FsNode DeepCopy(long nowMs)
    {
        if (!IsDirectory) return NewFile(Content!.ToArray(), nowMs);
        var copy = NewDirectory(nowMs);
        foreach (var (name, child) in Children!) copy.Children![name] = child.DeepCopy(nowMs);
        return copy;
    }
}
