namespace Phoenix.Conformance.Meta.Tests;

/// <summary>Finds the repository (the folder holding Phoenix.Conformance.sln) and the shared spec beside it.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/spec/clauses.md, as CI and developers have it beside the repository.</summary>
    public static string ClausesFile => Path.GetFullPath(Path.Combine(Root, "..", "shared", "spec", "clauses.md"));

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Phoenix.Conformance.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Phoenix.Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
