using System.Diagnostics;
using Phoenix.Mutation.Equivalents;
using Phoenix.Mutation.Mutants;
using Phoenix.Mutation.Reports;
using Phoenix.Mutation.Running;

namespace Phoenix.Mutation;

/// <summary>One invocation: select the mutants, list them or run them, write the reports, apply --threshold.</summary>
public static class MutationSession
{
    public static int Execute(MutationOptions options, TextWriter output)
    {
        var generated = MutantGenerator.ForReferenceKernel();
        var equivalents = File.Exists(options.Equivalents) ? EquivalentMutants.Load(options.Equivalents) : EquivalentMutants.None;
        // Relative to the working directory: run-mutation.sh runs from the repository root.
        if (!File.Exists(options.Equivalents)) output.WriteLine($"warning: {options.Equivalents} not found; no mutant is treated as equivalent.");
        foreach (var stale in equivalents.Stale(generated))
        {
            output.WriteLine($"warning: equivalent mutant {stale.Script}:{stale.Line} {stale.Operator} '{stale.Original}' → '{stale.Replacement}' matches no mutant (moved or gone); update {options.Equivalents}.");
        }
        var (selected, selection) = Select(generated, equivalents, options);
        if (options.List)
        {
            foreach (var m in selected)
            {
                var (before, after) = m.DiffLine(Source(m.Script));
                output.WriteLine($"{m.Id}  {m.Family,-4}  - {before}");
                output.WriteLine($"{new string(' ', m.Id.Length)}        + {after}");
            }
            output.WriteLine($"{selected.Count} mutants ({selection}) of {generated.Count} generated; {equivalents.Entries.Count} listed as equivalent.");
            return 0;
        }

        var previous = options.Resume is null
            ? new Dictionary<string, MutantResult>()
            : MutationReport.ReadResults(options.Resume).Where(r => r.Outcome != MutantOutcome.Equivalent).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        // A sample never draws equivalent mutants, so only a run of the whole selection reports them.
        var eq = generated.Where(m => options.Sample is null && MatchesSelection(m, options) && equivalents.Find(m) is not null)
            .Select(m => Results.From(m, Source(m.Script), MutantOutcome.Equivalent, reason: equivalents.Find(m)!.Reason)).ToArray();
        MutationReport Report(IEnumerable<MutantResult> results) => new()
        {
            Selection = selection,
            Generated = generated.Count,
            DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            // Parallel jobs finish in any order; reports list mutants in ID order.
            Results = [.. results.OrderBy(r => r.Id, StringComparer.Ordinal), .. eq],
        };
        // JSON reports are rewritten as the run goes, so an interrupted run can be picked up with --resume.
        void Checkpoint(IEnumerable<MutantResult> sofar)
        {
            var partial = Report(sofar);
            foreach (var path in options.Reports.Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase))) partial.Write(path);
        }
        var report = Report(Run(selected, previous, options, output, Checkpoint));
        foreach (var path in options.Reports)
        {
            report.Write(path);
            output.WriteLine($"Report written to {Path.GetFullPath(path)}");
        }
        foreach (var s in report.Scores)
        {
            output.WriteLine($"{s.Name,-8} page score {Score.Percent(s.PagePercent),6} ({s.Killed + s.Stillborn}/{s.Scored}); with COMPAT/ADVISORY {Score.Percent(s.WithCompatPercent),6}; survivors {s.Survived}, COMPAT-only {s.CompatOnly}, ADVISORY-only {s.AdvisoryOnly}, equivalent {s.Equivalent}");
        }
        var overall = report.Scores[0].PagePercent ?? 100;
        if (options.Threshold is { } threshold && overall < threshold)
        {
            output.WriteLine($"Mutation score {Score.Percent(overall)} is below the threshold {threshold}%.");
            return 1;
        }
        return 0;
    }

    private static string Source(string script) => ReferenceKernel.ReferenceKernel.BuiltInScripts.Single(s => s.Name == script).Source;

    private static bool MatchesSelection(Mutant m, MutationOptions options) =>
        (options.Files.Count == 0 || options.Files.Contains(m.Script)) && (options.MutantIds.Count == 0 || options.MutantIds.Contains(m.Id));

    /// <summary>Equivalent mutants are never sampled, so a sample of N scores N mutants.</summary>
    private static (IReadOnlyList<Mutant>, string) Select(IReadOnlyList<Mutant> generated, EquivalentMutants equivalents, MutationOptions options)
    {
        var known = ReferenceKernel.ReferenceKernel.BuiltInScripts.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in options.Files.Where(f => !known.Contains(f)))
        {
            throw new ArgumentException($"--file {file}: no such built-in script (known: {string.Join(", ", known)}).");
        }
        foreach (var id in options.MutantIds.Where(id => generated.All(m => m.Id != id)))
        {
            throw new ArgumentException($"--mutant {id}: no such mutant (see --list).");
        }
        var pool = generated.Where(m => MatchesSelection(m, options) && equivalents.Find(m) is null).ToArray();
        var filters = string.Join(" ", options.Files.Select(f => "file " + f).Concat(options.MutantIds.Select(id => "mutant " + id)));
        var what = filters.Length == 0 ? "all" : filters;
        return options.Sample is { } n
            ? (MutantSampler.Sample(pool, n, options.Seed), $"sample {Math.Min(n, pool.Length)} of {what} ({pool.Length}), seed {options.Seed}")
            : (pool, what);
    }

    private static List<MutantResult> Run(IReadOnlyList<Mutant> mutants, Dictionary<string, MutantResult> previous,
        MutationOptions options, TextWriter output, Action<IEnumerable<MutantResult>> checkpoint)
    {
        var results = new List<MutantResult>();
        var todo = new List<Mutant>();
        foreach (var m in mutants)
        {
            if (previous.TryGetValue(m.Id, out var earlier)) results.Add(earlier);
            else todo.Add(m);
        }
        if (results.Count > 0) output.WriteLine($"Resumed {results.Count} verdicts from {options.Resume}.");
        if (todo.Count == 0) return results;
        var runner = MutantRunner.Create(TimeSpan.FromSeconds(options.RuleTimeLimitSeconds), output);
        output.WriteLine($"Running {todo.Count} mutants against {runner.RuleCount(Conformance.Rules.Profile.V2)} rules (v2) / {runner.RuleCount(Conformance.Rules.Profile.V1)} (v1), {options.Jobs} job(s).");
        var done = 0;
        var gate = new object();
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, mutant =>
        {
            var result = runner.Run(mutant);
            lock (gate)
            {
                results.Add(result);
                done++;
                var by = result.KilledBy is null ? "" : $" by {result.KilledBy}{(result.Profile is null ? "" : " [" + result.Profile + "]")}";
                output.WriteLine($"[{done}/{todo.Count}] {result.Outcome.ToString().ToLowerInvariant(),-13} {mutant.Id} {result.Before} ⇒ {result.After}{by} ({result.DurationMs / 1000:0.0} s)");
                output.Flush();
                if (done % 10 == 0) checkpoint(results);
            }
        });
        return results;
    }
}
