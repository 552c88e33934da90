using BenchmarkDotNet.Attributes;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Benchmarks;

/// <summary>Round trips through the syscall path: adapter values in, a coroutine, dispatch, module code, values out.</summary>
[MemoryDiagnoser]
public class SyscallBenchmarks
{
    private ReferenceKernel _kernel = null!;
    private readonly LuaValue[] _args = ["echo", "echo", 1L, "two", 3.0];

    [GlobalSetup]
    public void Setup() => _kernel = ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua",
        "return { echo = function(process, thread, ...) return ... end }"));

    [GlobalCleanup]
    public void Cleanup() => _kernel.Dispose();

    [Benchmark]
    public int Callmodule_Echo() => _kernel.Syscall("alice", "callmodule", _args).Values.Count;

    [Benchmark]
    public int UserProgram_CallingCallmodule() =>
        _kernel.RunUserChunk("alice", "return syscall.callmodule('echo', 'echo', 1, 'two')", []).Values.Count;
}
