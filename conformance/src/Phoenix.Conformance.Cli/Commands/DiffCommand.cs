using System.CommandLine;
using Phoenix.Conformance.Reporting.Diff;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary><c>diff &lt;old&gt; &lt;new&gt;</c>: what changed between two results.json files; regressions exit 1.
/// Runs that are not comparable rule by rule (<see cref="RunMismatch"/>) are refused with exit 2 unless
/// <c>--allow-mismatch</c> is given.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var old = new Argument<string>("old") { Description = "The earlier results.json (for example the approved baseline)." };
        var @new = new Argument<string>("new") { Description = "The later results.json." };
        var allow = AllowMismatchOption();
        var command = new Command("diff", "Compare two results.json files: changes by kind, new failures, new passes, changed failure kind, rules added or removed.") { old, @new, allow };
        command.SetAction(parse =>
        {
            var (before, after) = (ResultsJson.Read(parse.GetValue(old)!), ResultsJson.Read(parse.GetValue(@new)!));
            context.Output.Write(Compare(before, after, parse.GetValue(allow), out var diff));
            return diff.HasRegressions ? ExitCodes.Unexpected : ExitCodes.Success;
        });
        return command;
    }

    public static Option<bool> AllowMismatchOption() => new("--allow-mismatch")
    {
        Description = "Compare runs of different profiles, suite versions or selections (--filter, --level) anyway; refused by default.",
    };

    /// <summary>What makes the runs incomparable; throws a usage error for it unless <paramref name="allowMismatch"/>.</summary>
    public static IReadOnlyList<string> CheckComparable(RunResults old, RunResults @new, bool allowMismatch)
    {
        var mismatch = RunMismatch.Of(old, @new);
        if (mismatch.Count > 0 && !allowMismatch)
        {
            throw new UsageException($"The runs are not comparable rule by rule ({string.Join("; ", mismatch)}); pass --allow-mismatch to compare them anyway.");
        }
        return mismatch;
    }

    /// <summary>Checks the runs are comparable (or says why they are compared anyway), then gives the text of the
    /// comparison: which runs, notes, the diff. Shared with <c>run --baseline</c>.</summary>
    public static string Compare(RunResults old, RunResults @new, bool allowMismatch, out ResultsDiff diff)
    {
        var mismatch = CheckComparable(old, @new, allowMismatch);
        var text = new System.Text.StringBuilder();
        text.Append("Old: ").Append(RunMismatch.Describe(old)).Append('\n');
        text.Append("New: ").Append(RunMismatch.Describe(@new)).Append('\n');
        foreach (var m in mismatch) text.Append("warning: compared anyway: ").Append(m).Append('\n');
        foreach (var note in RunMismatch.Notes(old, @new)) text.Append("note: ").Append(note).Append('\n');
        diff = ResultsDiff.Compare(old, @new);
        return text.Append(diff.ToText()).ToString();
    }
}
