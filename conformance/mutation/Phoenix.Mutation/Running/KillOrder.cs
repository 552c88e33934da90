using System.Collections.Concurrent;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Mutation.Running;

/// <summary>
/// The order rules run in for a mutant: the rules that have killed most mutants so far first, then the fastest on the
/// unmutated kernel. Mutants of one part of the kernel tend to be killed by the same rules, so with fail-fast most
/// killed mutants cost one or two rules instead of the whole suite. Thread-safe: parallel jobs share it.
/// </summary>
public sealed class KillOrder(IReadOnlyDictionary<string, TimeSpan> baselineDurations)
{
    private readonly ConcurrentDictionary<string, int> _kills = new(StringComparer.Ordinal);

    public IReadOnlyList<RuleDescriptor> Arrange(IEnumerable<RuleDescriptor> rules) =>
        rules.OrderByDescending(r => _kills.GetValueOrDefault(r.Id))
            .ThenBy(r => baselineDurations.GetValueOrDefault(r.Id))
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

    public void Killed(RuleDescriptor rule) => _kills.AddOrUpdate(rule.Id, 1, (_, n) => n + 1);
}
