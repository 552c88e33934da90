namespace Phoenix.CraftOS.Tests;

/// <summary>Finds the repository (the folder holding Phoenix.Conformance.sln) and the Tiny kernel in it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TinyKernel => Path.Combine(Root, "fixtures", "kernels", "tiny");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Phoenix.Conformance.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Phoenix.Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
