using Phoenix.Common;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>Finds the repository (the folder holding Phoenix.Conformance.sln), the clause catalogue in it and,
/// when a developer has them, the captures of the published page.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = RepositoryRoot.Find();

    /// <summary>conformance/spec/clauses.md: the clause catalogue, ours, in the repository.</summary>
    public static string ClausesFile => Combine("conformance", "spec", "clauses.md");

    /// <summary>A capture of the published page (kernel-modules.v1.md, .v2.txt), or null. The page is Phoenix's
    /// documentation, not ours, so it is not in the repository: it is looked for in conformance/spec (where a
    /// developer may drop it) and in ../shared/spec beside the repository.</summary>
    public static string? PageFile(string name) =>
        new[] { Combine("conformance", "spec", name), Path.GetFullPath(Path.Combine(Root, "..", "shared", "spec", name)) }
            .FirstOrDefault(File.Exists);

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
