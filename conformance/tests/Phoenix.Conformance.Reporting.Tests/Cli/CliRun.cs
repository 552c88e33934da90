using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>Runs the CLI in-process (no shell, no build) and captures its exit code, stdout and stderr.</summary>
public static class CliRun
{
    /// <summary>With the canned rules in place of the suite, so outcomes are known and runs take milliseconds.</summary>
    public static (int Exit, string Out, string Err) Canned(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, false, typeof(CannedRules).Assembly, () => CannedRun.Rules);
        var exit = ConformanceCli.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>With the real suite, as the program runs it.</summary>
    public static (int Exit, string Out, string Err) Real(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ConformanceCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
