using Phoenix.Conformance.Suite.Generators;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>
/// The module table as the page describes it, written from the page and not from any kernel: a file loads only when
/// it is owned by root and not world-writable, judged when it is loaded (its metadata then, as stat shows it); a
/// loaded module's returned table is reached through callmodule under its name, byte for byte, and under no other;
/// unloadmodule calls that module's unload, if it has one, and the name is free again. Where the page is silent
/// (who may load, a name loaded twice, a module that throws, the name of a file with dots) the model either follows
/// Phoenix 0.0.9 (facts §2.2, §3) or, for the page's properties, stops predicting what it cannot know.
/// </summary>
public sealed class ModuleTableModel
{
    private sealed record Entry(string Id, int Generation, ModelModuleKind Kind);

    private readonly bool _followPhoenix;
    private readonly Dictionary<string, ModelFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unloads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownIds = new(StringComparer.Ordinal);

    /// <summary>The boot: every file directly in /lib/modules is loaded by the kernel, in sorted order.</summary>
    public ModuleTableModel(IEnumerable<ModelFile> files, bool followPhoenix)
    {
        _followPhoenix = followPhoenix;
        foreach (var file in files) _files[file.Path] = file;
        foreach (var file in _files.Values.Where(f => f.AtBoot).OrderBy(f => f.Path, StringComparer.Ordinal)) Load("root", file.Path);
    }

    public IEnumerable<ModelFile> Files => _files.Values;

    /// <summary>Names loaded now (Phoenix's way, or certain under the page's).</summary>
    public IEnumerable<string> Loaded => _loaded.Keys;

    /// <summary>Whether the model knows what this name leads to.</summary>
    public bool Knows(string name) => !_unknownNames.Contains(name);

    /// <summary>Whether the model knows how often this copy ran and was unloaded.</summary>
    public bool KnowsCopy(string id) => !_unknownIds.Contains(id);

    public int Runs(string id) => _runs.GetValueOrDefault(id);

    public int Unloads(string id) => _unloads.GetValueOrDefault(id);

    /// <summary>What callmodule(name, "who") gives: the copy and its run (0 when the model does not know how often that
    /// copy ran), or null when it must fail.</summary>
    public (string Id, int Generation)? Who(string name) =>
        _loaded.TryGetValue(name, out var entry) && entry.Kind is ModelModuleKind.Api or ModelModuleKind.ApiOnly
            ? (entry.Id, entry.Generation) : null;

    /// <summary>Phoenix's error for a callmodule(name, "who") that must fail (facts §3.3), as far as its first line
    /// goes: the traceback the kernel adds takes the message as a C string, so it ends at a NUL byte in the name.</summary>
    public string CallError(string name)
    {
        var message = _loaded.ContainsKey(name) ? $"Module '{name}' does not have a callable interface" : $"Module '{name}' does not exist";
        var nul = message.IndexOf('\0', StringComparison.Ordinal);
        return nul >= 0 ? message[..nul] : message;
    }

    /// <summary>Whether the file is trusted now.</summary>
    public bool Trusted(string path) => _files[path] is { Owner: "root", WorldWritable: false };

    /// <summary>Phoenix's name for a path (facts §2.2 step 6): the last component from its first non-dot character to
    /// the next dot.</summary>
    public static string? NameOf(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..].TrimStart('.');
        var dot = last.IndexOf('.', StringComparison.Ordinal);
        var name = dot >= 0 ? last[..dot] : last;
        return name.Length == 0 ? null : name;
    }

    /// <summary>Whether the page leaves the load open: a trusted file that another user may still write through a
    /// per-user entry. MOD-OWNER and MOD-WORLD-WRITABLE do not refuse it, and the page's reason for them ("to avoid
    /// kernel code injection by unprivileged users") lets a kernel refuse it (ADV-MOD-USER-WRITABLE).</summary>
    public bool Open(string path) => Trusted(path) && _files[path].UserWritable;

    /// <summary>The file's metadata as stat reported it after a chmod or chown.</summary>
    public void Observe(string path, string owner, bool worldWritable, bool userWritable) =>
        _files[path] = _files[path] with { Owner = owner, WorldWritable = worldWritable, UserWritable = userWritable };

    /// <summary>loadmodule(path) by <paramref name="user"/>; returns whether the chunk must run (null: unknown).</summary>
    public bool? Load(string user, string path)
    {
        if (user != "root") return false;
        var file = _files[path];
        if (!Trusted(path) || NameOf(path) is not { } name) return false;
        if (!_followPhoenix && (_loaded.ContainsKey(name) || _unknownNames.Contains(name) || Open(path)))
        {
            // A name loaded twice: the page does not say whether the second load replaces the first; or a file the
            // page lets a kernel refuse (Open).
            if (_loaded.TryGetValue(name, out var old)) _unknownIds.Add(old.Id);
            _unknownIds.Add(file.Id);
            _unknownNames.Add(name);
            _loaded.Remove(name);
            return null;
        }
        var generation = _runs[file.Id] = Runs(file.Id) + 1;
        if (file.Kind != ModelModuleKind.Throws) _loaded[name] = new Entry(file.Id, KnowsCopy(file.Id) ? generation : 0, file.Kind);
        return true;
    }

    /// <summary>unloadmodule(name) by <paramref name="user"/>.</summary>
    public void Unload(string user, string name)
    {
        if (user != "root") return;
        _unknownNames.Remove(name);
        if (!_loaded.Remove(name, out var entry)) return;
        if (entry.Kind == ModelModuleKind.Api) _unloads[entry.Id] = Unloads(entry.Id) + 1;
    }
}
