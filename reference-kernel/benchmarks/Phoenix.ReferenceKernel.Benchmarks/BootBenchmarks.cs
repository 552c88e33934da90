using BenchmarkDotNet.Attributes;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.ReferenceKernel.Benchmarks;

/// <summary>What one rule pays for its fresh kernel. Target: well under 10 ms per boot, so a suite of a few hundred
/// rules stays within seconds on a 2-core machine.</summary>
[MemoryDiagnoser]
public class BootBenchmarks
{
    private const string Module = "return { ping = function() return 'pong' end }";
    private readonly BootImage _empty = BootImage.Empty;
    private BootImage _tenModules = BootImage.Empty;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < 10; i++) _tenModules = _tenModules.WithFile($"/lib/modules/m{i}.lua", Module);
    }

    [Benchmark(Baseline = true)]
    public void Boot_EmptyImage()
    {
        using var kernel = ReferenceKernel.Boot(_empty);
    }

    [Benchmark]
    public void Boot_TenModules()
    {
        using var kernel = ReferenceKernel.Boot(_tenModules);
    }
}
