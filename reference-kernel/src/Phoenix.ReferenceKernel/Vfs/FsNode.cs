// Clauses: MOD-OWNER, MOD-WORLD-WRITABLE
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (tmpfs entries and their permissions)


namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>A file or directory of the in-memory root filesystem, with Phoenix's permission metadata (facts §4.7).</summary>
public sealed class FsNode
{
    public FsNode(string owner, bool isDirectory, long timestamp)
    {
        Owner = owner;
        IsDirectory = isDirectory;
        Permissions[owner] = AccessBits.All;
        Created = Modified = timestamp;
    }

    public bool IsDirectory { get; }

    private byte[] _data = [];

    /// <summary>The file's bytes. Reading after appends trims the buffer once; setting replaces it. Sizes change only
    /// through <see cref="MemoryFileSystem"/>, which keeps the filesystem's total.</summary>
    public byte[] Content
    {
        get
        {
            if (_data.Length != Size) _data = _data[..Size];
            return _data;
        }
        internal set
        {
            _data = value;
            Size = value.Length;
        }
    }

    /// <summary>Bytes in the file.</summary>
    public int Size { get; private set; }

    /// <summary>Adds bytes at the end in amortised constant time per byte (the buffer doubles), so a program writing a
    /// file in small pieces does not copy the whole file on every write.</summary>
    internal void Append(ReadOnlySpan<byte> bytes)
    {
        var needed = (long)Size + bytes.Length;
        if (needed > Array.MaxLength) throw new IOException("File too large");
        if (needed > _data.Length)
        {
            var grown = new byte[(int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(256L, (long)_data.Length * 2)))];
            _data.AsSpan(0, Size).CopyTo(grown);
            _data = grown;
        }
        bytes.CopyTo(_data.AsSpan(Size));
        Size = (int)needed;
    }

    public string Owner { get; set; }

    /// <summary>Per-user entries; a user's entry replaces world permissions for that user (no merge).</summary>
    public Dictionary<string, AccessBits> Permissions { get; } = new(StringComparer.Ordinal);

    public AccessBits WorldPermissions { get; set; } = AccessBits.ReadExecute;

    public bool SetUser { get; set; }

    public long Created { get; set; }

    public long Modified { get; set; }

    public SortedDictionary<string, FsNode> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Effective permissions for <paramref name="user"/>: its own entry if it has one, else world's.</summary>
    public AccessBits EffectiveFor(string user) =>
        Permissions.TryGetValue(user, out var own) ? own : WorldPermissions;
}
