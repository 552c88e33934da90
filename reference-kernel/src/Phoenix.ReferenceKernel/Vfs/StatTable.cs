// Clauses: none
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (the stat table)

using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>The stat table of facts §4.7: size, type, created, modified, owner, permissions (user → rwx),
/// worldPermissions, setuser and special. The kernel adds mountpoint.</summary>
public static class StatTable
{
    public static LuaTable From(FsNode node) => LuaTable.Record(
        ("size", (long)node.Size),
        ("type", node.IsDirectory ? "directory" : "file"),
        ("created", node.Created),
        ("modified", node.Modified),
        ("owner", node.Owner),
        ("permissions", LuaTable.Record(node.Permissions.Select(kv => (kv.Key, (LuaValue)Bits(kv.Value))).ToArray())),
        ("worldPermissions", Bits(node.WorldPermissions)),
        ("setuser", node.SetUser),
        ("special", new LuaTable()));

    private static LuaTable Bits(AccessBits bits) =>
        LuaTable.Record(("read", bits.Read), ("write", bits.Write), ("execute", bits.Execute));
}
