using System.CommandLine;
using Phoenix.Conformance.Cli.Commands;
using Phoenix.Conformance.ModuleCheck.Acceptance;
using Phoenix.Conformance.Reporting.Compare;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Shards;

namespace Phoenix.Conformance.Cli;

/// <summary>
/// The command tree (run, diff, merge, check-coverage) and the exit-code policy: every usage problem, from the parser or
/// from the commands, ends as one line on stderr and exit code 2, so CI logs say exactly what was wrong.
/// </summary>
public static class ConformanceCli
{
    /// <summary>Runs the CLI in-process with the real suite, writing to the given writers (never a live display).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, CliContext.For(output, error));

    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Phoenix conformance suite: certifies a kernel against the Kernel modules page.");
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(HistoryCommand.Create(context));
        root.Subcommands.Add(CheckCoverageCommand.Create(context));
        root.Subcommands.Add(CheckModuleCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line only: the error naming a token the user typed ("frobnicate") says more than the generic
            // "Required command was not provided" the parser also reports for it.
            var specific = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)));
            return Usage(context, (specific ?? parsed.Errors[0]).Message);
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or UnknownAdapterException or ExpectationsException or ResultsFileException or ShardMergeException or AcceptanceException or ScenarioException)
        {
            return Usage(context, e.Message);
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"internal error: {OneLine($"{e.GetType().Name}: {e.Message}")}");
            return ExitCodes.Unexpected;
        }
    }

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine(OneLine(message));
        return ExitCodes.Usage;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
