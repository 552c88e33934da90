using System.Reflection;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.Cli;

/// <summary>
/// What the CLI runs with: where output goes, whether the terminal is interactive (live table) or not (plain lines
/// for logs and CI), and which rules exist. Tests replace the rules with canned ones; the program uses the suite.
/// </summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive, Assembly RuleAssembly, Func<IReadOnlyList<RuleDescriptor>> Rules)
{
    /// <summary>The process's environment variables, read here at the entry point (library code is given what it
    /// needs): PHOENIX_ADAPTER_PATH, and the ${NAME}s of compare scenarios.</summary>
    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The adapter folders PHOENIX_ADAPTER_PATH names, searched after --adapter-path's.</summary>
    public IReadOnlyList<string> AdapterPathsFromEnvironment() => AdapterRegistry.SplitPaths(Variables(AdapterRegistry.PathEnvironmentVariable));

    /// <summary>Plain output to the given writers, with the real suite.</summary>
    public static CliContext For(TextWriter output, TextWriter error) =>
        new(output, error, false, SuiteAssembly.Assembly, () => SuiteAssembly.Rules);

    /// <summary>The process's console; live output only on a real terminal outside CI.</summary>
    public static CliContext ForConsole() => For(Console.Out, Console.Error) with
    {
        Interactive = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && Environment.GetEnvironmentVariable("TERM") is not "dumb",
    };
}
