using BenchmarkDotNet.Attributes;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Benchmarks;

/// <summary>What one rule pays for its fresh kernel on the CraftOS host: boot with one module, then one callmodule
/// through the agent. Target for Phoenix 0.0.9: at most 100 ms.</summary>
[MemoryDiagnoser]
public class BootBenchmarks
{
    private static readonly BootImage Image = BootImage.Empty.WithFile("/lib/modules/echo.lua",
        "return { echo = function(process, thread, ...) return ... end }");

    private CraftOsAdapter _adapter = null!;

    [Params("tiny", "phoenix")]
    public string Kernel { get; set; } = "tiny";

    [GlobalSetup]
    public void Setup() => _adapter = new CraftOsAdapter(Kernel == "tiny" ? KernelDirectories.Tiny : KernelDirectories.Phoenix());

    [Benchmark]
    public void FreshBoot_ThenCallmodule()
    {
        using var kernel = _adapter.Boot(Image);
        var result = kernel.Syscall("root", "callmodule", "echo", "echo", 1L);
        if (!result.Succeeded) throw new InvalidOperationException(result.ErrorText);
    }
}
