using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A module file in a generated module-table scenario: the copy it holds (<see cref="Id"/>), where it lies,
/// what shape it has, and its metadata at boot.</summary>
public sealed record ModelFile(string Id, string Path, ModelModuleKind Kind, string Owner, bool WorldWritable)
{
    /// <summary>Whether boot scans it: a file directly in /lib/modules.</summary>
    public bool AtBoot => Path.LastIndexOf('/') == "/lib/modules".Length;

    public string World => WorldWritable ? "rwx" : "r-x";

    public override string ToString() => $"{LuaString.From(Path)} ({Id}, {Kind}, owner {Owner}, world {World})";
}
