namespace Phoenix.Common;

/// <summary>Finds the repository: the nearest folder holding Phoenix.Conformance.sln at or above a start folder (by
/// default the running assembly's). Compiled into each test and benchmark project that reads repository files (a
/// linked file, see Directory.Build.props).</summary>
internal static class RepositoryRoot
{
    public static string Find() => Find(AppContext.BaseDirectory);

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Phoenix.Conformance.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Phoenix.Conformance.sln not found above " + start);
    }
}
