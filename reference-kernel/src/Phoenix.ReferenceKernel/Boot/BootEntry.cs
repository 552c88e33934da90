// Clauses: MOD-AUTOLOAD, MOD-OWNER
// Mirrors: Phoenix 05-filesystem (a node of the root filesystem with its stat metadata)

using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Boot;

/// <summary>
/// One file or directory of a boot image, with the metadata of Phoenix's stat model (facts §4.7): an owner, per-user
/// permission entries (a user's entry replaces world permissions for that user) and world permissions.
/// </summary>
/// <param name="Path">Absolute path, "/"-separated, for example "/lib/modules/foo.lua".</param>
/// <param name="Content">File bytes; null for a directory.</param>
public sealed record BootEntry(
    string Path,
    byte[]? Content,
    string Owner,
    IReadOnlyDictionary<string, AccessBits> Permissions,
    AccessBits WorldPermissions)
{
    public bool IsDirectory => Content is null;
}
