// Clauses: none
// Compat: PX-FS-NONROOT-MOUNT, PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (the tmpfs type)

using Phoenix.ComputerCraft.Paths;
using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>
/// The built-in memory filesystem type (Phoenix calls it <c>tmpfs</c>): each mount is a <see cref="MemoryFileSystem"/>,
/// the root mount being the one filled from the boot image. The Lua class in Scripting/tmpfs.lua calls one host
/// function per operation, <c>host.tmpfsOpen(id, user, path, …)</c> and so on; this class applies the built-in permission semantics (facts §4.7): a
/// user's own entry replaces world permissions, root bypasses checks, chmod and chown need the owner or root.
/// </summary>
public sealed partial class TmpFs(MemoryFileSystem root, Func<long> clock, long quotaBytes = TmpFs.DefaultQuotaBytes)
{
    /// <summary>Bytes all instances together may hold: enough for any module set or rule, far less than a host's
    /// memory, so an ordinary user writing in a loop gets "Out of space" instead of exhausting the host.</summary>
    public const long DefaultQuotaBytes = 256L * 1024 * 1024;

    private readonly List<MemoryFileSystem> _instances = [root];

    /// <summary>host.tmpfsNew(user): a new empty instance whose root belongs to the mounting user.</summary>
    public IReadOnlyList<LuaArg> New(LuaCallbackArgs args)
    {
        var owner = Text(args[1]) ?? "root";
        var fs = new MemoryFileSystem(clock);
        var top = fs.Find("")!;
        top.Owner = owner;
        top.Permissions.Clear();
        top.Permissions[owner] = AccessBits.All;
        _instances.Add(fs);
        return [(long)(_instances.Count - 1)];
    }

    // One host function per operation (ReferenceKernel.Host.cs registers each as host.tmpfs<Op>), each taking
    // (id, user, path, …): a misspelt operation in the glue is a missing host function, named at that call.

    /// <summary>host.tmpfsStat(id, user, path): the entry's stat table, or nil.</summary>
    public IReadOnlyList<LuaArg> Stat(LuaCallbackArgs args)
    {
        var (fs, _, path) = On(args);
        return [fs.Find(path) is { } node ? StatTable.From(node) : LuaValue.Nil];
    }

    /// <summary>host.tmpfsList(id, user, path).</summary>
    public IReadOnlyList<LuaArg> List(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return [List(fs, user, path)];
    }

    /// <summary>host.tmpfsMkdir(id, user, path).</summary>
    public IReadOnlyList<LuaArg> Mkdir(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Mkdir(fs, user, path);
    }

    /// <summary>host.tmpfsRemove(id, user, path).</summary>
    public IReadOnlyList<LuaArg> Remove(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Remove(fs, user, path);
    }

    /// <summary>host.tmpfsRename(id, user, from, to).</summary>
    public IReadOnlyList<LuaArg> Rename(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Rename(fs, user, path, CcPath.Normalize(Text(args[4]) ?? ""));
    }

    /// <summary>host.tmpfsChmod(id, user, path, target user, mode).</summary>
    public IReadOnlyList<LuaArg> Chmod(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Chmod(fs, user, path, Text(args[4]), args[5]);
    }

    /// <summary>host.tmpfsChown(id, user, path, new owner).</summary>
    public IReadOnlyList<LuaArg> Chown(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Chown(fs, user, path, Text(args[4]) ?? "");
    }

    /// <summary>host.tmpfsOpen(id, user, path, mode): a file's content to read, or true to write; nil and a message when refused.</summary>
    public IReadOnlyList<LuaArg> Open(LuaCallbackArgs args)
    {
        var (fs, user, path) = On(args);
        return Open(fs, user, path, Text(args[4]) ?? "r");
    }

    /// <summary>host.tmpfsAppend(id, user, path, data).</summary>
    public IReadOnlyList<LuaArg> Append(LuaCallbackArgs args)
    {
        var (fs, _, path) = On(args);
        return Append(fs, path, args[4]);
    }

    /// <summary>The instance, the calling user and the normalized path every operation starts with.</summary>
    private (MemoryFileSystem Fs, string User, string Path) On(LuaCallbackArgs args)
    {
        var id = args[1] is LuaInteger i && i.Value >= 0 && i.Value < _instances.Count ? (int)i.Value : throw new LuaRaiseException("Invalid tmpfs instance");
        return (_instances[id], Text(args[2]) ?? "", CcPath.Normalize(Text(args[3]) ?? ""));
    }

    private static LuaTable List(MemoryFileSystem fs, string user, string path)
    {
        var node = Existing(fs, path);
        if (!node.IsDirectory) throw Error(path, "Not a directory");
        Require(node, user, path, b => b.Read);
        return new LuaTable(node.Children.Keys.Select(k => (LuaValue)k));
    }

    private IReadOnlyList<LuaArg> Mkdir(MemoryFileSystem fs, string user, string path)
    {
        if (fs.Find(path) is { } existing)
        {
            return existing.IsDirectory ? [] : throw Error(path, "File exists");
        }
        Require(Parent(fs, path), user, path, b => b.Write);
        fs.Create(path, isDirectory: true, user);
        return [];
    }

    private static IReadOnlyList<LuaArg> Remove(MemoryFileSystem fs, string user, string path)
    {
        Existing(fs, path);
        Require(Parent(fs, path), user, path, b => b.Write);
        fs.Delete(path);
        return [];
    }

    private static IReadOnlyList<LuaArg> Rename(MemoryFileSystem fs, string user, string from, string to)
    {
        Existing(fs, from);
        if (fs.Find(to) is not null) throw Error(to, "File exists");
        Require(Parent(fs, from), user, from, b => b.Write);
        Require(Parent(fs, to), user, to, b => b.Write);
        fs.Move(from, to);
        return [];
    }

    // A refused open returns nil and a message, as Phoenix's root filesystem does (its open never raises for a
    // missing file, a directory or a denied right); the other operations raise.
    private IReadOnlyList<LuaArg> Open(MemoryFileSystem fs, string user, string path, string mode)
    {
        var node = fs.Find(path);
        if (mode.StartsWith('r'))
        {
            if (node is null) return [LuaValue.Nil, $"/{path}: No such file"];
            if (node.IsDirectory) return [LuaValue.Nil, $"/{path}: Is a directory"];
            if (!Allowed(node, user, b => b.Read)) return Denied(path);
            return [new LuaString(node.Content)];
        }
        if (node is { IsDirectory: true }) return [LuaValue.Nil, $"/{path}: Is a directory"];
        if (node is null)
        {
            if (!Allowed(Parent(fs, path), user, b => b.Write)) return Denied(path);
            node = fs.Create(path, isDirectory: false, user);
        }
        else if (!Allowed(node, user, b => b.Write))
        {
            return Denied(path);
        }
        if (mode.StartsWith('w')) fs.Write(node, []);
        node.Modified = clock();
        return [true];
    }

    private static IReadOnlyList<LuaArg> Denied(string path) => [LuaValue.Nil, $"/{path}: Permission denied"];

    private IReadOnlyList<LuaArg> Append(MemoryFileSystem fs, string path, LuaValue data)
    {
        var node = Existing(fs, path);
        var bytes = data is LuaString s ? s.Bytes : [];
        // As on a full ComputerCraft disk (CC:T's message); the file keeps what was written before.
        if (_instances.Sum(f => f.UsedBytes) + bytes.Length > quotaBytes) throw Error(path, "Out of space");
        fs.Append(node, bytes);
        node.Modified = clock();
        return [];
    }

    private static FsNode Existing(MemoryFileSystem fs, string path) =>
        fs.Find(path) ?? throw Error(path, "No such file or directory");

    private static FsNode Parent(MemoryFileSystem fs, string path)
    {
        var parts = CcPath.Components(path);
        var parent = fs.Find(string.Join('/', parts.Take(parts.Count - 1)));
        return parent is { IsDirectory: true } ? parent : throw Error(path, "No such file or directory");
    }

    private static void Require(FsNode node, string user, string path, Func<AccessBits, bool> bit)
    {
        if (!Allowed(node, user, bit)) throw Error(path, "Permission denied");
    }

    private static bool Allowed(FsNode node, string user, Func<AccessBits, bool> bit) => user == "root" || bit(node.EffectiveFor(user));

    private static LuaRaiseException Error(string path, string what) => new(LuaString.From($"/{path}: {what}"));

    private static string? Text(LuaValue value) => value is LuaString s ? s.Text : null;
}
