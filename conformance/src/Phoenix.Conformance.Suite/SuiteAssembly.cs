using System.Reflection;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Suite;

/// <summary>Entry point for runners: every rule of the suite.</summary>
public static class SuiteAssembly
{
    public static Assembly Assembly => typeof(SuiteAssembly).Assembly;

    public static IReadOnlyList<RuleDescriptor> Rules { get; } = RuleDiscovery.FromAssembly(typeof(SuiteAssembly).Assembly);

    /// <summary>Version of the rule suite, reported in results.</summary>
    public static string Version => Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
