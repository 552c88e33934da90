using BenchmarkDotNet.Attributes;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Benchmarks;

/// <summary>
/// Path resolution must cost O(path depth), not O(number of mounts): stat of a path inside one mount should
/// take about the same time with 1, 100 or 1000 other mounts present.
/// </summary>
public class PathResolutionBenchmarks
{
    private ReferenceKernel _kernel = null!;
    private readonly LuaValue[] _path = ["/m/0/a/b/c"];

    [Params(1, 100, 1000)]
    public int Mounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var image = BootImage.Empty;
        for (var i = 0; i < Mounts; i++) image = image.WithDirectory($"/m/{i}");
        _kernel = ReferenceKernel.Boot(image);
        for (var i = 0; i < Mounts; i++) _kernel.Syscall("root", "mount", ["tmpfs", $"t{i}", $"/m/{i}"]);
    }

    [GlobalCleanup]
    public void Cleanup() => _kernel.Dispose();

    [Benchmark]
    public bool Stat_InsideOneOfManyMounts() => _kernel.Syscall("root", "stat", _path).Succeeded;
}
