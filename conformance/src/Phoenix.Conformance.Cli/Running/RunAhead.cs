using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>
/// Runs rules on several threads ahead of the view (<c>run --jobs N</c>): each rule boots its own kernels and
/// rules share no state, so N of them run at once, while the view still takes the results in the selection's order
/// and shows them as they would come from a serial run. <see cref="Take"/> waits for the rule's own result.
/// </summary>
public sealed class RunAhead : IDisposable
{
    private readonly Dictionary<string, Task<RuleRecord>> _results = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    public RunAhead(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, RuleRecord> runOne, int jobs)
    {
        _slots = new SemaphoreSlim(jobs);
        // Started in order, so with N slots the first N rules run first and the view never waits long.
        foreach (var rule in rules)
        {
            _results[rule.Id] = Task.Run(async () =>
            {
                await _slots.WaitAsync().ConfigureAwait(false);
                try
                {
                    return runOne(rule);
                }
                finally
                {
                    _slots.Release();
                }
            });
        }
    }

    public RuleRecord Take(RuleDescriptor rule) => _results[rule.Id].GetAwaiter().GetResult();

    public void Dispose() => _slots.Dispose();
}
