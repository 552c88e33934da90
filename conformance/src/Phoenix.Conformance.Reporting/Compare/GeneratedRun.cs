using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>A generated scenario on which two kernels differ: the first one found and the one it shrank to.</summary>
public sealed record GeneratedDifference(
    IReadOnlyList<ScenarioStep> Original,
    IReadOnlyList<ScenarioStep> Shrunk,
    IReadOnlyList<Difference> Differences,
    int CasesTried,
    int ShrinkRuns);

/// <summary>
/// <c>compare --generate</c>: FsCheck draws step sequences over a scenario's modules (<see cref="GeneratedOperations"/>),
/// seeded, each run on both kernels (a fresh boot of the scenario's image each); the first sequence with a difference
/// the scenario does not accept is shrunk by dropping steps while some unaccepted difference remains, so the report
/// is a minimal scenario. The same seed draws the same sequences, so a finding replays.
/// </summary>
public static class GeneratedRun
{
    public static GeneratedDifference? Run(IKernelAdapter first, IKernelAdapter second, Scenario scenario, int cases, int seed, int maxSteps = 8, int maxShrinkRuns = 200)
    {
        var space = scenario.Generation ?? throw new ScenarioException($"Scenario '{scenario.Source}' has no generate: section for --generate.");
        var tried = 0;
        var shrinkRuns = 0;
        ScenarioStep[]? original = null, smallest = null;
        IReadOnlyList<Difference> smallestDifferences = [];
        var property = Prop.ForAll(GeneratedOperations.Scenarios(space, maxSteps), steps =>
        {
            // Past the shrink budget a candidate counts as passing, which ends shrinking at the last failing case.
            if (original is not null && shrinkRuns++ >= maxShrinkRuns) return;
            if (original is null) tried++;
            var differences = Unaccepted(scenario, first, second, steps);
            if (differences.Count == 0) return;
            original ??= steps;
            smallest = steps;
            smallestDifferences = differences;
            throw new InvalidOperationException($"{differences.Count} difference(s)");
        });
        var config = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(cases)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd((ulong)seed), FSharpOption<int>.None)));
        try
        {
            FsCheck.Check.One(config, property);
        }
        catch (Exception) when (smallest is not null)
        {
            return new GeneratedDifference(original!, smallest, smallestDifferences, tried, shrinkRuns);
        }
        return null;
    }

    /// <summary>The differences of one step sequence that the scenario does not accept.</summary>
    public static IReadOnlyList<Difference> Unaccepted(Scenario scenario, IKernelAdapter first, IKernelAdapter second, IReadOnlyList<ScenarioStep> steps)
    {
        var candidate = scenario with { Steps = steps };
        return ScenarioDiff.Compare(ScenarioRun.Run(first, candidate), ScenarioRun.Run(second, candidate))
            .Where(d => scenario.AcceptanceOf(d) is null).ToArray();
    }
}
