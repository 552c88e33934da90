// Clauses: none
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (tmpfs permission checks)

using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Vfs;

public sealed partial class TmpFs
{
    /// <summary>chmod as the built-ins implement it (facts §4.7): user nil edits world permissions; a named user
    /// without an entry starts from a copy of world's; the mode is a number (8 setuser, 4 read, 2 write, 1 execute),
    /// "+rwxs" / "-…" / "=…", a three-character "r-x" form, or a table of booleans. Owner or root only.</summary>
    private static IReadOnlyList<LuaArg> Chmod(MemoryFileSystem fs, string caller, string path, string? user, LuaValue mode)
    {
        var node = Existing(fs, path);
        if (caller != "root" && caller != node.Owner) throw Error(path, "Permission denied");
        var current = user is null ? node.WorldPermissions : node.EffectiveFor(user);
        var (bits, setUser) = Apply(current, node.SetUser, mode);
        if (user is null) node.WorldPermissions = bits;
        else node.Permissions[user] = bits;
        node.SetUser = setUser;
        return [];
    }

    private static IReadOnlyList<LuaArg> Chown(MemoryFileSystem fs, string caller, string path, string user)
    {
        var node = Existing(fs, path);
        if (caller != "root" && caller != node.Owner) throw Error(path, "Permission denied");
        node.Owner = user;
        node.SetUser = false;
        return [];
    }

    private static (AccessBits Bits, bool SetUser) Apply(AccessBits current, bool setUser, LuaValue mode)
    {
        switch (mode)
        {
            case LuaInteger or LuaFloat:
                var n = mode is LuaInteger i ? i.Value : (long)((LuaFloat)mode).Value;
                return (new AccessBits((n & 4) != 0, (n & 2) != 0, (n & 1) != 0), (n & 8) != 0);
            case LuaString s when s.Text.Length == 3 && "r-".Contains(s.Text[0]) && "w-".Contains(s.Text[1]) && "xs-".Contains(s.Text[2]):
                return (new AccessBits(s.Text[0] == 'r', s.Text[1] == 'w', s.Text[2] != '-'), s.Text[2] == 's');
            case LuaString s when s.Text.Length >= 2 && "+-=".Contains(s.Text[0]):
                var letters = s.Text[1..];
                bool Pick(char c, bool was) => s.Text[0] switch
                {
                    '+' => was || letters.Contains(c),
                    '-' => was && !letters.Contains(c),
                    _ => letters.Contains(c),
                };
                return (new AccessBits(Pick('r', current.Read), Pick('w', current.Write), Pick('x', current.Execute)), Pick('s', setUser));
            case LuaTable t:
                bool Field(string name, bool was) => t[LuaString.From(name)] is LuaBoolean b ? b.Value : was;
                return (new AccessBits(Field("read", current.Read), Field("write", current.Write), Field("execute", current.Execute)),
                    Field("setuser", setUser));
            default:
                throw new LuaRaiseException("bad argument #3 (invalid mode)");
        }
    }
}
