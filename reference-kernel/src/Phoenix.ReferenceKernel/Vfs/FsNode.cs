// Clauses: MOD-OWNER, MOD-WORLD-WRITABLE
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (tmpfs entries and their permissions)

using Phoenix.Conformance.Abstractions.Boot;

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

    public byte[] Content { get; set; } = [];

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
