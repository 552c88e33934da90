using System.CommandLine;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Reporting.Compare;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>compare --adapter A --adapter B --scenario FILE</c>: a differential run, the reference kernel as an oracle. The
/// same scenario (modules and user programs, <see cref="Scenario"/>) runs on both kernels and every observation that
/// differs is printed (and written as JSON with --json). Exit 0 when none differs, 1 otherwise, 2 on bad usage.
/// </summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var adapters = new Option<string[]>("--adapter") { Description = "The two kernels to compare: reference, craftos:<kernel directory>, or an adapter name.", Arity = ArgumentArity.OneOrMore };
        var scenario = new Option<string>("--scenario") { Description = "YAML scenario: modules (files beside it) and steps (user, program).", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the differences as JSON to this file." };
        var command = new Command("compare", "Run one scenario on two kernels and report every observable difference.") { adapters, scenario, json };
        command.SetAction(parse =>
        {
            var names = parse.GetValue(adapters) ?? [];
            if (names.Length != 2) throw new UsageException($"compare: give exactly two --adapter options (got {names.Length}).");
            var scenarioFile = parse.GetValue(scenario)!;
            var loaded = Scenario.Read(scenarioFile);
            var first = AdapterRegistry.Create(names[0], AdapterRegistry.PathsFromEnvironment());
            var second = AdapterRegistry.Create(names[1], AdapterRegistry.PathsFromEnvironment());
            var (a, b) = (ScenarioRun.Run(first, loaded), ScenarioRun.Run(second, loaded));
            var all = ScenarioDiff.Compare(a, b);
            var output = context.Output;
            output.WriteLine($"{loaded.Steps.Count} step(s) of {scenarioFile} on {first.Name} {first.Version} and {second.Name} {second.Version}");
            foreach (var d in all)
            {
                if (loaded.Accepted.FirstOrDefault(x => x.Key == d.Key) is { } accepted) output.WriteLine($"accepted: {d.Key} ({accepted.Reason})");
            }
            var differences = all.Where(d => loaded.Accepted.All(x => x.Key != d.Key)).ToList();
            foreach (var d in differences)
            {
                output.WriteLine($"{d.Key}: {d.Description}");
                output.WriteLine($"  {first.Name}: {d.First}");
                output.WriteLine($"  {second.Name}: {d.Second}");
            }
            output.WriteLine(differences.Count == 0 ? "No differences." : $"{differences.Count} difference(s).");
            if (parse.GetValue(json) is { } file) File.WriteAllText(file, ScenarioDiff.ToJson(first.Name, second.Name, scenarioFile, differences));
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.Unexpected;
        });
        return command;
    }
}
