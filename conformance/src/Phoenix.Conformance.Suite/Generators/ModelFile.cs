using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A module file in a generated module-table scenario: the copy it holds (<see cref="Id"/>), where it lies,
/// what shape it has, and its metadata at boot (later, as stat shows it). <see cref="UserWritable"/>: some user other
/// than root has a per-user entry that lets it write the file, as a former owner keeps after chown.</summary>
public sealed record ModelFile(string Id, string Path, ModelModuleKind Kind, string Owner, bool WorldWritable, bool UserWritable = false)
{
    /// <summary>Whether boot scans it: a file directly in /lib/modules.</summary>
    public bool AtBoot => Path.LastIndexOf('/') == "/lib/modules".Length;

    public string World => WorldWritable ? "rwx" : "r-x";

    public override string ToString() => $"{LuaString.From(Path)} ({Id}, {Kind}, owner {Owner}, world {World})";
}
