using BenchmarkDotNet.Running;
using Phoenix.ReferenceKernel.Benchmarks;

if (args is [EngineVersusLua.Switch]) return EngineVersusLua.Run();
if (args is [BootAndSyscallFigures.Switch]) return BootAndSyscallFigures.Run();
BenchmarkSwitcher.FromAssembly(typeof(BootBenchmarks).Assembly).Run(args);
return 0;
