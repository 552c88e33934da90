using Phoenix.Common;

namespace Phoenix.CraftOS.Benchmarks;

/// <summary>Where the benchmarked kernels are: Tiny in this repository, Phoenix wherever PHOENIX_KERNEL_DIR says
/// (its code never enters the repository).</summary>
public static class KernelDirectories
{
    public static string Tiny => Path.Combine(RepositoryRoot.Find(Environment.CurrentDirectory), "fixtures", "kernels", "tiny");

    public static string Phoenix()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir) || !File.Exists(Path.Combine(dir, "kernel.lua")))
        {
            throw new InvalidOperationException("Set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d) to benchmark Phoenix.");
        }
        return dir;
    }
}
