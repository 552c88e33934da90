using System.Diagnostics;
using System.Globalization;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Benchmarks;

/// <summary>
/// `-- --boot-and-syscall`: the figures of the engine-speed issue in one run, without BenchmarkDotNet's minutes: a
/// fresh empty boot and the boot cost per module (1,000 modules), both in process CPU time, a callmodule round trip, and the engine's own bare
/// resume/yield floor (the same Lua loop as engine-micro.lua, in a sandboxed environment), with their ratio.
/// </summary>
public static class BootAndSyscallFigures
{
    public const string Switch = "--boot-and-syscall";

    private const string Module = "return { ping = function() return 'pong' end }";

    public static int Run()
    {
        var empty = BootImage.Empty;
        var thousand = BootImage.Empty;
        for (var i = 0; i < 1000; i++) thousand = thousand.WithFile($"/lib/modules/m{i}.lua", Module);
        for (var i = 0; i < 20; i++) ReferenceKernel.Boot(empty).Dispose(); // warm up
        var emptyBoot = CpuPerRun(400, () => ReferenceKernel.Boot(empty).Dispose());
        var thousandBoot = CpuPerRun(20, () => ReferenceKernel.Boot(thousand).Dispose());
        double callmodule;
        using (var kernel = ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua",
                   "return { echo = function(process, thread, ...) return ... end }")))
        {
            LuaValue[] args = ["echo", "echo", 1L, "two", 3.0];
            callmodule = PerCall(50_000, () => kernel.Syscall("alice", "callmodule", args));
        }
        var floor = EngineResumeYieldFloor();
        Print("fresh empty boot", emptyBoot / 1e3, "µs");
        Print("boot with 1,000 modules", thousandBoot / 1e6, "ms");
        Print("boot cost per module", (thousandBoot - emptyBoot) / 1000 / 1e3, "µs");
        Print("callmodule round trip", callmodule / 1e3, "µs");
        Print("engine resume/yield floor", floor, "ns");
        Print("callmodule / floor", callmodule / floor, "x");
        return 0;
    }

    private static void Print(string name, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {value,10:F2} {unit}"));

    /// <summary>Nanoseconds of process CPU time per run, over <paramref name="runs"/> runs: on a shared 2-core machine,
    /// wall time mostly measures the other workloads.</summary>
    private static double CpuPerRun(int runs, Action body)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++) body();
        process.Refresh();
        return (process.TotalProcessorTime - start).TotalNanoseconds / runs;
    }

    /// <summary>Best of three batches, nanoseconds per call.</summary>
    private static double PerCall(int calls, Action body)
    {
        for (var i = 0; i < calls / 10; i++) body();
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++) body();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls);
        }
        return best;
    }

    private static double EngineResumeYieldFloor()
    {
        using var engine = new LuaEngine(new LuaEngineOptions { InstructionBudget = long.MaxValue / 2 });
        using var env = engine.CreateEnvironment();
        using var chunk = engine.Load("""
            local create, resume, yield, clock = coroutine.create, coroutine.resume, coroutine.yield, os.clock
            local co = create(function() while true do yield() end end)
            local n, best = 1000000, math.huge
            for _ = 1, 3 do
                local start = clock()
                for _ = 1, n do resume(co) end
                best = math.min(best, clock() - start)
            end
            return best / n * 1e9
            """, "=floor", env);
        return engine.Call(chunk)[0] is LuaFloat f ? f.Value : double.NaN;
    }
}
