using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Reporting.Shards;

/// <summary>
/// Joins the results.json files of a sharded run (<c>run --shard i/n</c>, one per CI job) into the results.json the
/// unsharded run would have written: same rules, same records, the selection without its shard. It refuses
/// anything that would make the joined file claim more than was run: parts of different runs (suite, catalogue,
/// adapter, profile, seed, selection), a part missing or given twice, a rule in two parts or in the wrong part.
/// </summary>
public static class ShardMerge
{
    /// <param name="parts">Each part's file name (for messages) and its results.</param>
    /// <param name="ruleOrder">Position of a rule in the suite's own order, so the joined file lists rules as an
    /// unsharded run does; rules it does not know (another suite build) follow, by ID.</param>
    public static RunResults Merge(IReadOnlyList<(string Path, RunResults Run)> parts, Func<string, int?> ruleOrder)
    {
        if (parts.Count == 0) throw new ShardMergeException("merge needs the results.json of every shard.");
        var (firstPath, first) = parts[0];
        var count = ShardOf(firstPath, first).Count;
        var seen = new Dictionary<int, string>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, run) in parts)
        {
            var shard = ShardOf(path, run);
            var differs = Difference(first, run);
            if (differs is not null) throw new ShardMergeException($"'{path}' is not a shard of the same run as '{firstPath}': {differs}.");
            if (shard.Count != count) throw new ShardMergeException($"'{path}' is shard {shard}, but '{firstPath}' cut the run into {count}.");
            if (seen.TryGetValue(shard.Index, out var twice)) throw new ShardMergeException($"'{path}' and '{twice}' are both shard {shard}.");
            seen[shard.Index] = path;
            foreach (var rule in run.Rules)
            {
                if (!shard.Includes(rule.Id)) throw new ShardMergeException($"'{path}' (shard {shard}) has rule {rule.Id}, which belongs to shard {RunShard.Of(rule.Id, count)}/{count}.");
                if (!owner.TryAdd(rule.Id, path)) throw new ShardMergeException($"rule {rule.Id} is in both '{owner[rule.Id]}' and '{path}'.");
            }
        }
        var missing = Enumerable.Range(1, count).Where(i => !seen.ContainsKey(i)).ToList();
        if (missing.Count > 0) throw new ShardMergeException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing: give the results.json of every shard.");

        var rules = parts.SelectMany(p => p.Run.Rules)
            .OrderBy(r => ruleOrder(r.Id) ?? int.MaxValue)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return first with
        {
            StartedAt = parts.Min(p => p.Run.StartedAt),
            // The rule time of the whole run, as an unsharded run would report it; the matrix's wall time is shorter.
            DurationMs = Math.Round(parts.Sum(p => p.Run.DurationMs), 1),
            Rules = rules,
            Selection = first.Selection!.WithoutShard(),
            // Each shard was compared with a baseline of its own (or none); compare the joined run with 'diff'.
            Baseline = null,
        };
    }

    private static RunShard ShardOf(string path, RunResults run) => run.Selection?.Shard
        ?? throw new ShardMergeException($"'{path}' is not a shard (its run had no --shard).");

    private static string? Difference(RunResults a, RunResults b)
    {
        if (a.SchemaVersion != b.SchemaVersion) return $"schema version {a.SchemaVersion} vs {b.SchemaVersion}";
        if (a.SuiteVersion != b.SuiteVersion) return $"suite version {a.SuiteVersion} vs {b.SuiteVersion}";
        if (a.CatalogueHash != b.CatalogueHash) return "the clause catalogues differ";
        if (a.Adapter != b.Adapter) return $"adapter {a.Adapter.Name} {a.Adapter.Version} vs {b.Adapter.Name} {b.Adapter.Version}";
        if (a.Profile != b.Profile) return $"profile {a.Profile} vs {b.Profile}".ToLowerInvariant();
        if (a.Seed != b.Seed) return $"seed {a.Seed} vs {b.Seed}";
        var (x, y) = (a.Selection!.WithoutShard(), b.Selection!.WithoutShard());
        if (!(x ?? RunSelection.Everything).SameAs(y)) return $"selection {x ?? RunSelection.Everything} vs {y ?? RunSelection.Everything}";
        return null;
    }
}
