using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Phoenix.CraftOS.Benchmarks.KernelDirectories).Assembly).Run(args);
