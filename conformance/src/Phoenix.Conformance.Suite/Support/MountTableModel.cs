using Phoenix.Values;
using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// The mount table as the page describes it, written from the page and not from any kernel: mount stores a mount of
/// the type stored in <c>filesystems</c> under exactly that name at the destination's real path; a path reaches the
/// mount with the longest real path that is a component-wise prefix of its own, relative to that mount ("." and ".."
/// resolved, no leading slash); unmount removes the newest mount at a path. Where the
/// page is silent (mounting where a mount exists, on the root, on a missing directory, by an ordinary user; unmounting
/// what is not mounted or another user's mount) the model either follows Phoenix 0.0.9 (facts §4.2-§4.4) or answers
/// "unknown", and then the session goes on from what the kernel did.
/// </summary>
public sealed class MountTableModel
{
    /// <summary>One mount object: the source it was mounted with (unique per scenario) and its options.</summary>
    public sealed record Layer(string Source, LuaValue? Options);

    /// <summary>What a mount or unmount must do: succeed (true), fail (false) or either (null); Phoenix's first line when it fails.</summary>
    public sealed record Expectation(bool? Succeeds, string? Error = null, bool KnownType = true);

    public const string Type = RecordingFs.Type;

    // The directories of the boot image, as real paths; everything inside a recording-filesystem mount is a
    // world-writable directory (fixtures/FS-METHODS/recfs.lua).
    private static readonly HashSet<string> RootDirectories = new(
        FsGenerators.Directories.Concat(["/media", "/media/disk", "/media/other", "/home", "/home/alice", "/lib", "/lib/modules"]).Select(Key),
        StringComparer.Ordinal);

    private readonly bool _followPhoenix;
    private readonly Dictionary<string, List<Layer>> _mounts = new(StringComparer.Ordinal);

    public MountTableModel(bool followPhoenix) => _followPhoenix = followPhoenix;

    /// <summary>Set when the kernel did something the model cannot follow (an unmount of nothing that succeeded, a mount
    /// of an unknown type that succeeded): the session stops comparing, as every later answer would be a guess.</summary>
    public bool Lost { get; private set; }

    public void Lose() => Lost = true;

    /// <summary>Every mount object, as ("/" + real path, layer), bottom layer first.</summary>
    public IEnumerable<(string Path, Layer Layer)> Layers => _mounts.SelectMany(kv => kv.Value.Select(l => ("/" + kv.Key, l)));

    /// <summary>The real path of an absolute path: its components joined.</summary>
    public static string Key(string path) => string.Join('/', PathModel.Components(path));

    public bool IsMounted(string path) => _mounts.ContainsKey(Key(path));

    /// <summary>The mount a path reaches and the path relative to it (null when the page leaves it open: the whole path
    /// is a mount at the root), or null for the boot's root filesystem.</summary>
    public (string Source, string? Relative)? Resolve(string path)
    {
        var parts = PathModel.Components(path);
        for (var depth = parts.Count; depth >= 0; depth--)
        {
            var key = string.Join('/', parts.Take(depth));
            if (!_mounts.TryGetValue(key, out var stack)) continue;
            // The page's overlays are Phoenix's; with one layer per path (the generated steps never ask for an
            // overlay) the top layer is the only one.
            var relative = string.Join('/', parts.Skip(depth));
            return (stack[^1].Source, key.Length == 0 && parts.Count == 0 ? null : relative);
        }
        return null;
    }

    public Expectation ExpectMount(FsOp op)
    {
        if (op.Type != Type) return new(false, $"No such filesystem '{op.Type}'", KnownType: false);
        var key = Key(op.Path);
        var dest = op.Path;
        var exists = Resolve(op.Path) is not null || RootDirectories.Contains(key);
        if (key.Length == 0)
        {
            // Mounting on the root: the page does not say; Phoenix lets only root, whose root mount is then "already there".
            return !_followPhoenix ? new(null)
                : op.User != "root" ? new(false, $"Could not mount to {dest}: Permission denied")
                : new(false, $"Could not mount to {dest}: Mount already exists (use overlay to mount over)");
        }
        if (key.Split('/')[0] == "..") return new(null);
        if (op.User == "root" && exists && !_mounts.ContainsKey(key)) return new(true);
        if (!_followPhoenix) return new(null);
        if (!exists) return new(false, $"Could not mount to {dest}: No such directory");
        var writable = op.User == "root" || Resolve(op.Path) is not null || (key == "home/alice" && op.User == "alice");
        if (!writable) return new(false, $"Could not mount to {dest}: Permission denied");
        if (_mounts.ContainsKey(key)) return new(false, $"Could not mount to {dest}: Mount already exists (use overlay to mount over)");
        return new(true);
    }

    public void Mounted(FsOp op)
    {
        var key = Key(op.Path);
        if (!_mounts.TryGetValue(key, out var stack)) _mounts[key] = stack = [];
        stack.Add(new Layer(op.Source, op.Options));
    }

    public Expectation ExpectUnmount(FsOp op)
    {
        var key = Key(op.Path);
        if (!_mounts.ContainsKey(key)) return _followPhoenix ? new(false, $"{key}: No such mount") : new(null);
        // Root may unmount any mount. An ordinary user: the page does not say; Phoenix asks for write permission on the
        // mount's root, which the recording filesystem grants everybody.
        return op.User == "root" || _followPhoenix ? new(true) : new(null);
    }

    /// <summary>Removes the newest mount at the path and returns its source.</summary>
    public string Unmounted(FsOp op)
    {
        var key = Key(op.Path);
        var stack = _mounts[key];
        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        if (stack.Count == 0) _mounts.Remove(key);
        return top.Source;
    }
}
