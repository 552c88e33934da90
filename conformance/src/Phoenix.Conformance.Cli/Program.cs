namespace Phoenix.Conformance.Cli;

/// <summary>The executable's entry point; all logic is in <see cref="ConformanceCli"/> so tests run it in-process.</summary>
public static class Program
{
    public static int Main(string[] args) => ConformanceCli.Run(args, CliContext.ForConsole());
}
