// Clauses: MOD-OWNER, MOD-WORLD-WRITABLE
// Compat: PX-FS-CHMOD-CHOWN
// Mirrors: Phoenix 05-filesystem (tmpfs storage)

using Phoenix.ComputerCraft.Paths;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.ReferenceKernel.Vfs;

/// <summary>
/// One in-memory filesystem: directories, files, owners, per-user and world permissions. Listing is sorted in plain
/// string order, as Phoenix's <c>filesystem.list</c> is (facts §2.1). Each tmpfs mount is one (<see cref="TmpFs"/>),
/// the root mount the one filled from the boot image; mounts and dispatch are Scripting/fs.lua's. It keeps the total
/// of its files' sizes (<see cref="UsedBytes"/>), for tmpfs quotas.
/// </summary>
public sealed class MemoryFileSystem
{
    private readonly FsNode _root;
    private readonly Func<long> _clock;

    public MemoryFileSystem(Func<long> clock)
    {
        _clock = clock;
        _root = new FsNode("root", isDirectory: true, clock());
    }

    /// <summary>Fills the filesystem from a boot image; missing parent directories are created with defaults.</summary>
    public static MemoryFileSystem FromImage(BootImage image, Func<long> clock)
    {
        var fs = new MemoryFileSystem(clock);
        foreach (var entry in image.Entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            var node = fs.Create(entry.Path, entry.IsDirectory, entry.Owner);
            fs.Write(node, entry.Content ?? []);
            node.Permissions.Clear();
            foreach (var (user, bits) in entry.Permissions) node.Permissions[user] = bits;
            node.WorldPermissions = entry.WorldPermissions;
        }
        return fs;
    }

    /// <summary>Bytes in all files.</summary>
    public long UsedBytes { get; private set; }

    /// <summary>Replaces a file's bytes.</summary>
    public void Write(FsNode node, byte[] content)
    {
        UsedBytes += content.Length - node.Size;
        node.Content = content;
    }

    /// <summary>Adds bytes at the end of a file.</summary>
    public void Append(FsNode node, ReadOnlySpan<byte> bytes)
    {
        node.Append(bytes);
        UsedBytes += bytes.Length;
    }

    public FsNode? Find(string path)
    {
        var node = _root;
        foreach (var part in CcPath.Components(path))
        {
            if (!node.IsDirectory || !node.Children.TryGetValue(part, out var next)) return null;
            node = next;
        }
        return node;
    }

    /// <summary>Names in a directory, sorted; null when the path is not a directory.</summary>
    public IReadOnlyList<string>? List(string path) =>
        Find(path) is { IsDirectory: true } dir ? dir.Children.Keys.ToArray() : null;

    /// <summary>Creates a file or directory (and missing parents); an existing node is returned as it is.</summary>
    public FsNode Create(string path, bool isDirectory, string owner)
    {
        var parts = CcPath.Components(path);
        if (parts.Count == 0) return _root;
        var node = _root;
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            if (!node.Children.TryGetValue(parts[i], out var next))
            {
                next = new FsNode(last ? owner : "root", isDirectory: !last || isDirectory, _clock());
                node.Children[parts[i]] = next;
            }
            else if (!next.IsDirectory && !last)
            {
                throw new IOException($"/{string.Join('/', parts.Take(i + 1))}: Not a directory");
            }
            node = next;
        }
        return node;
    }

    /// <summary>Removes a file or a directory with everything in it. The root cannot be removed.</summary>
    public void Delete(string path)
    {
        var parts = CcPath.Components(path);
        if (parts.Count == 0) throw new IOException("/: Cannot remove the root");
        var parent = Find(string.Join('/', parts.Take(parts.Count - 1)));
        if (parent is not null && parent.Children.Remove(parts[^1], out var removed)) UsedBytes -= SizeOf(removed);
    }

    private static long SizeOf(FsNode node) => node.Size + node.Children.Values.Sum(SizeOf);

    /// <summary>Moves a node to a new path whose parent exists.</summary>
    public void Move(string from, string to)
    {
        var source = CcPath.Components(from);
        var target = CcPath.Components(to);
        var node = Find(from) ?? throw new IOException($"/{from}: No such file or directory");
        var parent = Find(string.Join('/', target.Take(target.Count - 1))) ?? throw new IOException($"/{to}: No such file or directory");
        Find(string.Join('/', source.Take(source.Count - 1)))!.Children.Remove(source[^1]);
        parent.Children[target[^1]] = node;
    }
}
