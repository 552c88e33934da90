using BenchmarkDotNet.Attributes;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Benchmarks;

/// <summary>
/// What a <c>Syscall</c> through the craftos adapter costs next to the same call made inside the kernel, side by side
/// on one booted kernel: <c>InsideTheKernel</c> (the baseline) is a user program calling the syscall
/// <see cref="Calls"/> times in a loop, per call; <c>ThroughTheAdapter</c> is one <c>Syscall</c> from the host. The
/// Ratio column is the cost of the adapter's round trip (host port, wake-up, answer) over the call itself. Target: at
/// most 2.
/// </summary>
[MemoryDiagnoser]
public class SyscallBenchmarks
{
    private const int Calls = 200;

    private static readonly BootImage Image = BootImage.Empty.WithFile("/lib/modules/echo.lua",
        "return { echo = function(process, thread, ...) return ... end }");

    private IKernel _kernel = null!;
    private string _loop = "";

    [Params("tiny", "phoenix")]
    public string Kernel { get; set; } = "tiny";

    /// <summary>A syscall that does almost nothing (the round trip is all there is) and the rules' usual one.</summary>
    [Params("getpid", "callmodule")]
    public string Call { get; set; } = "getpid";

    [GlobalSetup]
    public void Setup()
    {
        _kernel = new CraftOsAdapter(Kernel == "tiny" ? KernelDirectories.Tiny : KernelDirectories.Phoenix()).Boot(Image);
        var call = Call == "getpid" ? "syscall.getpid()" : "syscall.callmodule('echo', 'echo', 1)";
        _loop = $"for i = 1, {Calls} do {call} end";
        // The user's process is forked by the first request and woken through the port from then on.
        for (var i = 0; i < 3; i++) ThroughTheAdapter();
    }

    [GlobalCleanup]
    public void Cleanup() => _kernel.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public void InsideTheKernel() => Check(_kernel.RunUserChunk("root", _loop));

    [Benchmark]
    public void ThroughTheAdapter() =>
        Check(Call == "getpid" ? _kernel.Syscall("root", "getpid") : _kernel.Syscall("root", "callmodule", "echo", "echo", 1L));

    private static void Check(SyscallResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(result.ErrorText);
    }
}
