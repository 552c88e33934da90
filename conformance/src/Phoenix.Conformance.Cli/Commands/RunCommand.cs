using System.CommandLine;
using Phoenix.Conformance.Cli.Running;
using Phoenix.Conformance.Harness.Adapters;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>run</c>: the options are the issue's, with the same names in the CLI and both wrapper scripts. Values are
/// validated by <see cref="SuiteRun"/>, which turns every mistake into one line and exit code 2.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var adapter = new Option<string>("--adapter") { Description = "Adapter (implementation) to certify: reference (default), craftos:<kernel directory> for a Lua kernel booted on the headless CraftOS host, or exec:<command> for a kernel host speaking the cross-process protocol on stdio (conformance/ADAPTER-PROTOCOL.md).", DefaultValueFactory = _ => AdapterRegistry.DefaultAdapter };
        var profile = new Option<string>("--profile") { Description = "Page version to certify against: v1 or v2.", DefaultValueFactory = _ => "v2" };
        var filter = new Option<string[]>("--filter") { Description = "Clause IDs, clause ID prefixes or rule IDs; repeatable or comma-separated." };
        var level = new Option<string[]>("--level") { Description = "MUST, SHOULD, COMPAT or ADVISORY; repeatable or comma-separated. Default: all." };
        var output = new Option<string?>("--output") { Description = "Report folder. Default: reports/out/<adapter name>/." };
        var expectations = new Option<string?>("--expectations") { Description = "YAML expectations file (rule ID -> outcome, reason, link)." };
        var baseline = new Option<string?>("--baseline") { Description = "A results.json to compare with; regressions exit 1." };
        var strict = new Option<bool>("--strict") { Description = "An unexpected pass fails the run." };
        var update = new Option<bool>("--update-expectations") { Description = "Rewrite the expectations file from this run." };
        var seed = new Option<string?>("--seed") { Description = "Seed for property rules. Default: each rule's own fixed seed, derived from the suite version, so verdicts are reproducible. A number gives every rule that seed (replay a reported failure with it and --filter <rule ID>); 'random' draws one for this run and prints it." };
        var timeLimit = new Option<double?>("--time-limit")
        {
            Description = "Seconds a rule may run before it is a timeout. Default: 60.",
            // The parser's own message names the CLR type (System.Nullable`1[System.Double]); say what is expected.
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) return seconds;
                result.AddError($"--time-limit: '{text}' is not a number of seconds.");
                return null;
            },
        };
        var allowMismatch = DiffCommand.AllowMismatchOption();
        var shard = new Option<string?>("--shard") { Description = "i/n: run only the i-th of n parts of the selection (1-based; a rule's part depends only on its ID), for CI matrices; join the parts' results.json files with 'merge'." };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Rules run at once (each boots its own kernels; results and their order are a serial run's). Default: 1.",
            DefaultValueFactory = _ => 1,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64) return n;
                result.AddError($"--jobs: '{text}' is not a number of rules from 1 to 64.");
                return 1;
            },
        };
        var isolation = new Option<string>("--isolation") { Description = "Where kernels run: thread (default: in this process, on --jobs threads; the fastest) or process (in --jobs worker processes, each 'serve --adapter X': a rule past --time-limit or a worker past --memory-limit is killed from outside and the run goes on).", DefaultValueFactory = _ => "thread" };
        var memoryLimit = new Option<double?>("--memory-limit")
        {
            Description = "With --isolation process: megabytes a worker may use before it is killed (the rule is an error naming the cap). Default: 4096.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var mb)) return mb;
                result.AddError($"--memory-limit: '{text}' is not a number of megabytes.");
                return null;
            },
        };
        var adapterPath = new Option<string[]>("--adapter-path") { Description = "A folder holding your *.Adapter.dll (built against the Phoenix.Conformance.Abstractions package); repeatable. Also read from PHOENIX_ADAPTER_PATH." };
        var command = new Command("run", "Run the suite against an adapter and write results.json, junit.xml, report.md and report.html.")
        {
            adapter, profile, filter, level, output, expectations, baseline, strict, update, seed, timeLimit, allowMismatch, adapterPath, shard, jobs, isolation, memoryLimit,
        };
        command.SetAction(parse => SuiteRun.Execute(new RunRequest(
            parse.GetValue(adapter)!,
            parse.GetValue(profile)!,
            parse.GetValue(filter) ?? [],
            parse.GetValue(level) ?? [],
            parse.GetValue(output),
            parse.GetValue(expectations),
            parse.GetValue(baseline),
            parse.GetValue(strict),
            parse.GetValue(update),
            parse.GetValue(seed),
            parse.GetValue(timeLimit),
            parse.GetValue(allowMismatch),
            [.. parse.GetValue(adapterPath) ?? [], .. context.AdapterPathsFromEnvironment()],
            parse.GetValue(shard),
            parse.GetValue(jobs),
            parse.GetValue(isolation)!,
            parse.GetValue(memoryLimit)), context));
        return command;
    }
}
