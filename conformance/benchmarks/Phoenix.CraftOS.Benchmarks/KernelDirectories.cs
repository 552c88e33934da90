namespace Phoenix.CraftOS.Benchmarks;

/// <summary>Where the benchmarked kernels are: Tiny in this repository, Phoenix wherever PHOENIX_KERNEL_DIR says
/// (its code never enters the repository).</summary>
public static class KernelDirectories
{
    public static string Tiny => Path.Combine(Root(), "fixtures", "kernels", "tiny");

    public static string Phoenix()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir) || !File.Exists(Path.Combine(dir, "kernel.lua")))
        {
            throw new InvalidOperationException("Set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d) to benchmark Phoenix.");
        }
        return dir;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Phoenix.Conformance.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository (Phoenix.Conformance.sln not found).");
    }
}
