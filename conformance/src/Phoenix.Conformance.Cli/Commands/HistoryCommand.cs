using System.CommandLine;
using Phoenix.Conformance.Reporting.History;
using Phoenix.Conformance.Reporting.Json;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>history &lt;results.json&gt;… --output &lt;folder&gt;</c>: one run per kernel version, oldest first, side by side
/// in history.md and history.html (<see cref="HistoryMatrix"/>). A column is labelled by --labels, else by the
/// adapter's name. Runs of different profiles, or files that are not results, are refused with exit 2.
/// </summary>
public static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("results") { Description = "results.json files (or folders holding one), oldest version first.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "Folder for history.md and history.html.", Required = true };
        var labels = new Option<string[]>("--labels") { Description = "Column labels (the versions), comma-separated, one per results file. Default: each run's adapter name." };
        var command = new Command("history", "Write a rules × versions matrix (Markdown and HTML) from several results.json files.") { files, output, labels };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!.Select(f => Directory.Exists(f) ? Path.Combine(f, ResultsJson.FileName) : f).ToList();
            var names = (parse.GetValue(labels) ?? []).SelectMany(l => l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (names.Count > 0 && names.Count != paths.Count) throw new UsageException($"--labels: {names.Count} label(s) for {paths.Count} results file(s).");
            var runs = paths.Select(p => ResultsJson.Read(p)).ToList();
            HistoryMatrix matrix;
            try
            {
                matrix = HistoryMatrix.Of(runs.Select((r, i) => (names.Count > 0 ? names[i] : r.Adapter.Name, r)).ToList());
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"history: {e.Message}");
            }
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, HistoryMarkdownWriter.FileName), HistoryMarkdownWriter.Write(matrix));
            File.WriteAllText(Path.Combine(folder, HistoryHtmlWriter.FileName), HistoryHtmlWriter.Write(matrix));
            context.Output.WriteLine($"History of {runs.Count} run(s), {matrix.RuleIds.Count} rules, written to {Path.GetFullPath(folder)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
