using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Phoenix.ReferenceKernel.Benchmarks.BootBenchmarks).Assembly).Run(args);
