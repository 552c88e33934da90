using System.Diagnostics;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.Mutation.Mutants;
using Phoenix.ReferenceKernel;
using Phoenix.ReferenceKernel.Adapter;

namespace Phoenix.Mutation.Running;

/// <summary>
/// Runs the suite against one mutant at a time, in-process, with the runner the CLI uses (<see cref="RuleRunner"/>)
/// and the reference kernel adapter built with <see cref="KernelOptions.ScriptOverrides"/>. Fail-fast: the first page
/// rule (MUST/SHOULD) that fails, errors or times out ends the mutant, in profile v2, then v1; a mutant no page rule
/// catches runs the COMPAT rules, then the ADVISORY ones, to tell a Phoenix-only catch from a survivor.
/// </summary>
public sealed class MutantRunner
{
    private static readonly Profile[] Profiles = [Profile.V2, Profile.V1];

    private readonly Dictionary<Profile, IReadOnlyList<RuleDescriptor>> _usable;
    private readonly KillOrder _order;
    private readonly TimeSpan _ruleTimeLimit;

    private MutantRunner(Dictionary<Profile, IReadOnlyList<RuleDescriptor>> usable, KillOrder order, TimeSpan ruleTimeLimit)
    {
        _usable = usable;
        _order = order;
        _ruleTimeLimit = ruleTimeLimit;
    }

    /// <summary>The kernel options every mutant is built on: the reference defaults with a smaller instruction budget,
    /// so a mutant that loops forever is stopped by the engine well inside a rule's time limit.</summary>
    public static KernelOptions BaseOptions { get; } = new() { Engine = new Phoenix.Lua.LuaEngineOptions { InstructionBudget = 10_000_000 } };

    /// <summary>Checks the unmutated kernel boots and runs every rule against it once, in both profiles: a rule that does
    /// not pass there could not tell a mutant from the original, so it is left out (and reported on <paramref name="log"/>).</summary>
    public static MutantRunner Create(TimeSpan ruleTimeLimit, TextWriter log)
    {
        ReferenceKernel.ReferenceKernel.Boot(BootImage.Empty, BaseOptions).Dispose();
        var adapter = new ReferenceKernelAdapter(BaseOptions, "unmutated");
        var usable = new Dictionary<Profile, IReadOnlyList<RuleDescriptor>>();
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var profile in Profiles)
        {
            var settings = new RunSettings { Profile = profile, TimeLimit = ruleTimeLimit };
            var passing = new List<RuleDescriptor>();
            foreach (var rule in SuiteAssembly.Rules.Where(r => r.Clause.AppliesTo(profile)))
            {
                var result = RuleRunner.Run(rule, adapter, settings);
                durations[rule.Id] = result.Duration;
                if (result.Outcome == RuleOutcome.Pass) passing.Add(rule);
                else log.WriteLine($"note: {rule.Id} does not pass on the unmutated kernel in {profile} ({result.Outcome}); it is left out.");
            }
            usable[profile] = passing;
        }
        return new MutantRunner(usable, new KillOrder(durations), ruleTimeLimit);
    }

    public int RuleCount(Profile profile) => _usable[profile].Count;

    public MutantResult Run(Mutant mutant)
    {
        var clock = Stopwatch.StartNew();
        var source = ReferenceKernel.ReferenceKernel.BuiltInScripts.Single(s => s.Name == mutant.Script).Source;
        var options = BaseOptions with { ScriptOverrides = new Dictionary<string, string> { [mutant.Script] = mutant.Apply(source) } };
        var (outcome, killedBy, profile) = Judge(mutant, options);
        return Results.From(mutant, source, outcome, killedBy, profile, clock.Elapsed.TotalMilliseconds);
    }

    private (MutantOutcome, string?, Profile?) Judge(Mutant mutant, KernelOptions options)
    {
        try
        {
            ReferenceKernel.ReferenceKernel.Boot(BootImage.Empty, options).Dispose();
        }
#pragma warning disable CA1031 // Whatever stops the mutated kernel from booting, the mutant is caught.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (MutantOutcome.Stillborn, "boot: " + e.Message.Split('\n')[0], null);
        }
        var adapter = new ReferenceKernelAdapter(options, "mutant:" + mutant.Id);
        var stages = new (Func<ClauseLevel, bool> Levels, MutantOutcome Outcome)[]
        {
            (l => l is ClauseLevel.Must or ClauseLevel.Should, MutantOutcome.Killed),
            (l => l == ClauseLevel.Compat, MutantOutcome.CompatOnly),
            (l => l == ClauseLevel.Advisory, MutantOutcome.AdvisoryOnly),
        };
        foreach (var (levels, outcome) in stages)
        {
            foreach (var profile in Profiles)
            {
                var settings = new RunSettings { Profile = profile, TimeLimit = _ruleTimeLimit };
                foreach (var rule in _order.Arrange(_usable[profile].Where(r => levels(r.Clause.Level))))
                {
                    var result = RuleRunner.Run(rule, adapter, settings);
                    if (result.Outcome is RuleOutcome.Fail or RuleOutcome.Error or RuleOutcome.Timeout)
                    {
                        _order.Killed(rule);
                        return (outcome, $"{rule.Id} ({result.Outcome.ToString().ToLowerInvariant()})", profile);
                    }
                }
            }
        }
        return (MutantOutcome.Survived, null, null);
    }
}
