using Phoenix.Common;

namespace Phoenix.CraftOS.Tests;

/// <summary>Finds the repository (the folder holding Phoenix.Conformance.sln) and the Tiny kernel in it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string TinyKernel => Path.Combine(Root, "fixtures", "kernels", "tiny");
}
