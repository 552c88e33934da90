using System.CommandLine;
using Phoenix.Conformance.Cli.Running;
using Phoenix.Conformance.Reporting;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Shards;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>merge &lt;results.json&gt;…</c>: joins the results of a sharded run (<c>run --shard i/n</c>, one per CI job)
/// into one results.json and the other reports, as the unsharded run would have written them. Expectations were
/// applied by each shard, so the exit code is the run's: 1 on unexpected failures (and, with --strict, unexpected
/// passes). Files that are not the shards of one run are refused with exit 2 (<see cref="ShardMerge"/>).
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("results") { Description = "The results.json of every shard (folders holding one are accepted).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output") { Description = "Report folder. Default: reports/out/<adapter name>/." };
        var strict = new Option<bool>("--strict") { Description = "An unexpected pass fails the run." };
        var command = new Command("merge", "Join the results.json files of a sharded run (run --shard i/n) into one run's reports.") { files, output, strict };
        command.SetAction(parse =>
        {
            var parts = parse.GetValue(files)!.Select(f => Directory.Exists(f) ? Path.Combine(f, ResultsJson.FileName) : f)
                .Select(f => (f, ResultsJson.Read(f))).ToList();
            var order = context.Rules().Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var run = ShardMerge.Merge(parts, id => order.TryGetValue(id, out var i) ? i : null);
            var folder = parse.GetValue(output) ?? Path.Combine("reports", "out", run.Adapter.Name);
            ReportFolder.Write(run, folder);
            context.Output.WriteLine($"Merged {parts.Count} shard(s): {run.Rules.Count} rules of {run.Adapter.Name} {run.Adapter.Version}, profile {run.Profile.ToString().ToLowerInvariant()}.");
            context.Output.WriteLine($"Reports written to {Path.GetFullPath(folder)}");
            context.Output.WriteLine(SuiteRun.ConformanceLine(run));
            var unexpected = run.Summary.UnexpectedFailures > 0 || (parse.GetValue(strict) && run.Summary.UnexpectedPasses > 0);
            return unexpected ? ExitCodes.Unexpected : ExitCodes.Success;
        });
        return command;
    }
}
