using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Benchmarks;

/// <summary>The whole suite (profile v2) against Phoenix 0.0.9 on the host, as the runner does it: one fresh boot per
/// rule, properties included. Target: at most 60 s on a 2-core machine. A few whole runs, not a microbenchmark.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SuiteBenchmarks
{
    private CraftOsAdapter _adapter = null!;

    [GlobalSetup]
    public void Setup() => _adapter = new CraftOsAdapter(KernelDirectories.Phoenix());

    [Benchmark]
    public int WholeSuite_V2_AgainstPhoenix()
    {
        var settings = new RunSettings { Profile = Profile.V2, Seed = 20240101, TimeLimit = TimeSpan.FromSeconds(60) };
        var passed = 0;
        foreach (var rule in SuiteAssembly.Rules.Where(r => r.Clause.AppliesTo(Profile.V2)))
        {
            if (RuleRunner.Run(rule, _adapter, settings).Outcome == RuleOutcome.Pass) passed++;
        }
        return passed;
    }
}
