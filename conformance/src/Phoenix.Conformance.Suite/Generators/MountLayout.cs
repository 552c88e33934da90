namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A set of mount points (parents mounted first) and paths to resolve against them.</summary>
public sealed record MountLayout(IReadOnlyList<string> MountPoints, IReadOnlyList<string> Paths)
{
    public override string ToString() => $"mounts [{string.Join(", ", MountPoints)}], paths [{string.Join(", ", Paths)}]";
}
