using Phoenix.ComputerCraft.Paths;

namespace Phoenix.CraftOS.Filesystem;

/// <summary>
/// The computer's disk: one in-memory directory tree per boot, with a read-only <c>/rom</c>. Paths are sanitized the
/// CC way; errors are <see cref="FsException"/> with CC's messages. Times come from the computer's virtual clock.
/// </summary>
public sealed class MemoryFileSystem(Func<long> clockMs, long capacity = MemoryFileSystem.DefaultCapacity)
{
    /// <summary>CC:Tweaked's default computer space limit (1 MB).</summary>
    public const long DefaultCapacity = 1_000_000;

    private const string Rom = "rom";

    private readonly FsNode _root = FsNode.NewDirectory(clockMs());

    public long Capacity { get; } = capacity;

    /// <summary>Writes a file as the host (ignores the read-only flag of /rom), creating parent directories.</summary>
    public void HostWrite(string path, byte[] content)
    {
        var clean = CcPath.Sanitize(path);
        var parent = HostMakeDirectory(CcPath.GetDir(clean));
        parent.Children![CcPath.GetName(clean)] = FsNode.NewFile(content, clockMs());
    }

    /// <summary>Creates a directory as the host (ignores the read-only flag), with its parents.</summary>
    public FsNode HostMakeDirectory(string path)
    {
        var node = _root;
        foreach (var part in CcPath.Split(CcPath.Sanitize(path)))
        {
            if (!node.Children!.TryGetValue(part, out var child))
            {
                child = FsNode.NewDirectory(clockMs());
                node.Children[part] = child;
            }
            if (!child.IsDirectory) throw new FsException($"/{path}: File exists");
            node = child;
        }
        return node;
    }

    /// <summary>Reads a file as the host; null when it is missing or a directory.</summary>
    public byte[]? HostRead(string path) => Find(CcPath.Sanitize(path)) is { IsDirectory: false } f ? f.Content : null;

    public bool Exists(string path) => Find(Clean(path, allowEscape: true)) is not null;

    public bool IsDirectory(string path) => Find(Clean(path, allowEscape: true)) is { IsDirectory: true };

    public bool IsReadOnly(string path)
    {
        var clean = Clean(path, allowEscape: true);
        return IsRom(clean);
    }

    public IReadOnlyList<string> List(string path)
    {
        var clean = Clean(path);
        var node = Find(clean);
        if (node is not { IsDirectory: true }) throw new FsException($"/{clean}: Not a directory");
        return node.Children!.Keys.ToArray();
    }

    public FsNode Stat(string path)
    {
        var clean = Clean(path);
        return Find(clean) ?? throw new FsException($"/{clean}: No such file");
    }

    public long FreeSpace(string path)
    {
        var clean = Clean(path, allowEscape: true);
        return IsRom(clean) ? 0 : Math.Max(0, Capacity - _root.TotalSize + RomSize());
    }

    public void MakeDirectory(string path)
    {
        var clean = Clean(path);
        if (IsRom(clean)) throw new FsException($"/{clean}: Access denied");
        var node = _root;
        foreach (var part in CcPath.Split(clean))
        {
            if (!node.Children!.TryGetValue(part, out var child))
            {
                child = FsNode.NewDirectory(clockMs());
                node.Children[part] = child;
            }
            if (!child.IsDirectory) throw new FsException($"/{clean}: File exists");
            node = child;
        }
    }

    public void Delete(string path)
    {
        var clean = Clean(path);
        if (IsRom(clean) || clean.Length == 0) throw new FsException($"/{clean}: Access denied");
        Parent(clean)?.Children!.Remove(CcPath.GetName(clean));
    }

    public void Move(string from, string to) => Transfer(from, to, move: true);

    public void Copy(string from, string to) => Transfer(from, to, move: false);

    /// <summary>Replaces a file's bytes (the handle layer calls it), creating the file when missing.</summary>
    public FsNode WriteFile(string path, byte[] content)
    {
        var clean = Clean(path);
        if (IsRom(clean)) throw new FsException($"/{clean}: Access denied");
        if (Find(clean) is { IsDirectory: true }) throw new FsException($"/{clean}: Cannot write to directory");
        EnsureSpace(content.LongLength - (Find(clean)?.Size ?? 0), clean);
        var parent = Parent(clean, create: true)!;
        var name = CcPath.GetName(clean);
        if (parent.Children!.TryGetValue(name, out var existing))
        {
            existing.Content = content;
            existing.ModifiedMs = clockMs();
            return existing;
        }
        var file = FsNode.NewFile(content, clockMs());
        parent.Children[name] = file;
        return file;
    }

    public void EnsureSpace(long growth, string clean)
    {
        if (growth > 0 && growth > FreeSpace(clean)) throw new FsException("Out of space");
    }

    private void Transfer(string from, string to, bool move)
    {
        var source = Clean(from);
        var target = Clean(to);
        var node = Find(source) ?? throw new FsException($"/{source}: No such file");
        if (IsRom(target) || (move && IsRom(source))) throw new FsException($"/{(IsRom(target) ? target : source)}: Access denied");
        if (Find(target) is not null) throw new FsException($"/{target}: File exists");
        if (target == source || target.StartsWith(source + "/", StringComparison.Ordinal) || source.Length == 0)
        {
            throw new FsException(move ? "Can't move a directory inside itself" : "Can't copy a directory inside itself");
        }
        if (!move) EnsureSpace(node.TotalSize, target);
        var copy = move ? node : node.DeepCopy(clockMs());
        Parent(target, create: true)!.Children![CcPath.GetName(target)] = copy;
        if (move) Parent(source)!.Children!.Remove(CcPath.GetName(source));
    }

    private FsNode? Find(string clean)
    {
        if (CcPath.EscapesRoot(clean)) return null;
        var node = _root;
        foreach (var part in CcPath.Split(clean))
        {
            if (node.Children is null || !node.Children.TryGetValue(part, out var child)) return null;
            node = child;
        }
        return node;
    }

    private FsNode? Parent(string clean, bool create = false)
    {
        var dir = CcPath.GetDir(clean);
        if (create) MakeDirectory(dir);
        return Find(dir) is { IsDirectory: true } parent ? parent : null;
    }

    private long RomSize() => Find(Rom)?.TotalSize ?? 0;

    private static bool IsRom(string clean) => clean == Rom || clean.StartsWith(Rom + "/", StringComparison.Ordinal);

    private static string Clean(string path, bool allowEscape = false)
    {
        var clean = CcPath.Sanitize(path);
        if (!allowEscape && CcPath.EscapesRoot(clean)) throw new FsException($"/{clean}: Invalid Path");
        return clean;
    }
}
