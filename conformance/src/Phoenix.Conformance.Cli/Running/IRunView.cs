using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>
/// How a run shows itself while it goes: a live table on a terminal, plain lines in logs. The view owns the loop
/// because Spectre's live display runs its work inside a callback.
/// </summary>
public interface IRunView
{
    /// <summary>Calls <paramref name="runOne"/> for every rule in order, showing progress; returns the records.</summary>
    IReadOnlyList<RuleRecord> Run(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, RuleRecord> runOne);
}
