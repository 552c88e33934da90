using System.CommandLine;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.ModuleCheck;
using Phoenix.Conformance.Reporting.Compare;
using Phoenix.ReferenceKernel.Adapter;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>compare --adapter A --adapter B --scenario FILE</c>: a differential run, the reference kernel as an oracle. The
/// same scenario (modules and user programs, <see cref="Scenario"/>) runs on both kernels and every observation that
/// differs is printed (and written as JSON with --json). With <c>--generate N</c>, N step sequences drawn over the
/// scenario's modules (its <c>generate:</c> section) run instead, seeded (<c>--seed</c>); the first that differs is
/// shrunk to a minimal scenario, printed and, with <c>--shrunk FILE</c>, written as a scenario file that reruns it.
/// Exit 0 when none differs, 1 otherwise, 2 on bad usage.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var adapters = new Option<string[]>("--adapter") { Description = "The two kernels to compare: reference, craftos:<kernel directory>, or an adapter name.", Arity = ArgumentArity.OneOrMore };
        var scenario = new Option<string>("--scenario") { Description = "YAML scenario: modules (files beside it) and steps (user, program).", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the differences as JSON to this file." };
        var generate = new Option<int?>("--generate") { Description = "Run N generated step sequences over the scenario's modules (its generate: section) instead of its steps; the first that differs is shrunk." };
        var seed = new Option<int>("--seed") { Description = "The seed of --generate (the same seed draws the same sequences).", DefaultValueFactory = _ => 1 };
        var shrunk = new Option<string?>("--shrunk") { Description = "With --generate: write the shrunk scenario that differs to this file (rerun it with --scenario)." };
        var command = new Command("compare", "Run one scenario on two kernels and report every observable difference.") { adapters, scenario, json, generate, seed, shrunk };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(adapters) ?? [];
            if (names.Length != 2) throw new UsageException($"compare: give exactly two --adapter options (got {names.Length}).");
            var scenarioFile = parse.GetValue(scenario)!;
            var cases = parse.GetValue(generate);
            if (cases is < 1 or > 100_000) throw new UsageException($"compare: --generate takes a number of cases from 1 to 100000 (got {cases}).");
            if (cases is null && parse.GetValue(shrunk) is not null) throw new UsageException("compare: --shrunk needs --generate.");
            var loaded = Scenario.Read(scenarioFile, path => ContractMapping.ToContract(SystemImage.Load(path, keepModules: true)), context.Variables);
            if (cases is not null && loaded.Generation is null) throw new UsageException($"compare: --generate needs a generate: section in '{scenarioFile}' (modules' functions to call, users).");
            var first = AdapterRegistry.Create(names[0], context.AdapterPathsFromEnvironment(), context.Variables);
            var second = AdapterRegistry.Create(names[1], context.AdapterPathsFromEnvironment(), context.Variables);
            if (cases is { } n) return Generated(context, first, second, loaded, n, parse.GetValue(seed), parse.GetValue(shrunk), parse.GetValue(json));
            var (a, b) = (ScenarioRun.Run(first, loaded), ScenarioRun.Run(second, loaded));
            var all = ScenarioDiff.Compare(a, b);
            var output = context.Output;
            output.WriteLine($"{loaded.Steps.Count} step(s) of {scenarioFile} on {first.Name} {first.Version} and {second.Name} {second.Version}");
            foreach (var d in all)
            {
                if (loaded.AcceptanceOf(d) is { } accepted) output.WriteLine($"accepted: {d.Key} ({accepted.Reason})");
            }
            // An acceptance no difference needs is a reason that no longer holds (a kernel or host was fixed): said
            // once, so the scenario's explanations stay true, without failing the run.
            foreach (var unused in loaded.Accepted.Where(a => all.All(d => d.Key != a.Key)))
            {
                output.WriteLine($"note: accepted '{unused.Key}' matches no difference; remove it from the scenario if its reason no longer holds.");
            }
            var differences = all.Where(d => loaded.AcceptanceOf(d) is null).ToList();
            foreach (var d in differences)
            {
                output.WriteLine($"{d.Key}: {d.Description}");
                output.WriteLine($"  {first.Name}: {Clip(d.First)}");
                output.WriteLine($"  {second.Name}: {Clip(d.Second)}");
            }
            output.WriteLine(differences.Count == 0 ? "No differences." : $"{differences.Count} difference(s).");
            if (parse.GetValue(json) is { } file) File.WriteAllText(file, ScenarioDiff.ToJson(first.Name, second.Name, scenarioFile, differences));
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.Unexpected;
        });
        return command;
    }

    /// <summary>An observation as the console shows it: whole up to 400 characters (a kernel that hands out its
    /// process record prints tens of kilobytes); --json keeps every value whole.</summary>
    private static string Clip(string value) =>
        value.Length <= 400 ? value : $"{value[..400]}… ({value.Length} characters; --json has it whole)";

    private static int Generated(CliContext context, IKernelAdapter first, IKernelAdapter second, Scenario scenario, int cases, int seed, string? shrunkFile, string? jsonFile)
    {
        var output = context.Output;
        var space = scenario.Generation!;
        output.WriteLine($"{cases} generated case(s) of up to 8 steps over {string.Join(", ", space.Modules)} (calls: {(space.Calls.Count == 0 ? "none" : string.Join(", ", space.Calls))}; users: {string.Join(", ", space.Users)}), seed {seed}, on {first.Name} {first.Version} and {second.Name} {second.Version}");
        var found = GeneratedRun.Run(first, second, scenario, cases, seed);
        if (found is null)
        {
            output.WriteLine($"No differences in {cases} generated case(s).");
            return ExitCodes.Success;
        }
        output.WriteLine($"Difference found in case {found.CasesTried}; shrunk from {found.Original.Count} step(s) to {found.Shrunk.Count} ({found.ShrinkRuns} shrink run(s)):");
        foreach (var (step, index) in found.Shrunk.Select((s, i) => (s, i + 1))) output.WriteLine($"  step {index} ({step.User}): {step.Program}");
        foreach (var d in found.Differences)
        {
            output.WriteLine($"{d.Key}: {d.Description}");
            output.WriteLine($"  {first.Name}: {Clip(d.First)}");
            output.WriteLine($"  {second.Name}: {Clip(d.Second)}");
        }
        output.WriteLine($"{found.Differences.Count} difference(s); replay: --generate {cases} --seed {seed}.");
        if (shrunkFile is not null)
        {
            File.WriteAllText(shrunkFile, $"# shrunk by compare --generate {cases} --seed {seed} from {scenario.Source}\n" + scenario.ToYaml(found.Shrunk, Path.GetDirectoryName(Path.GetFullPath(shrunkFile))!));
            output.WriteLine($"Shrunk scenario written to {shrunkFile}.");
        }
        if (jsonFile is not null) File.WriteAllText(jsonFile, ScenarioDiff.ToJson(first.Name, second.Name, scenario.Source, found.Differences));
        return ExitCodes.Unexpected;
    }
}
