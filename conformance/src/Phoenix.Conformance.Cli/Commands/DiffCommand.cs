using System.CommandLine;
using Phoenix.Conformance.Reporting.Diff;
using Phoenix.Conformance.Reporting.Json;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary><c>diff &lt;old&gt; &lt;new&gt;</c>: what changed between two results.json files; regressions exit 1.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var old = new Argument<string>("old") { Description = "The earlier results.json (for example the approved baseline)." };
        var @new = new Argument<string>("new") { Description = "The later results.json." };
        var command = new Command("diff", "Compare two results.json files: new failures, new passes, changed failure kind, rules added or removed.") { old, @new };
        command.SetAction(parse =>
        {
            var diff = ResultsDiff.Compare(ResultsJson.Read(parse.GetValue(old)!), ResultsJson.Read(parse.GetValue(@new)!));
            context.Output.Write(diff.ToText());
            return diff.HasRegressions ? ExitCodes.Unexpected : ExitCodes.Success;
        });
        return command;
    }
}
