using System.Diagnostics;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;
using Spectre.Console;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>
/// The <c>run</c> command: validate everything first (so bad usage costs nothing and exits 2), run the selected
/// rules in-process one by one with <see cref="RuleRunner"/> (a hang becomes a timeout, so the run always
/// finishes), write the four reports, then apply the gates: expectations, --strict, --baseline.
/// </summary>
public static class SuiteRun
{
    public static int Execute(RunRequest request, CliContext context)
    {
        var selection = new RuleSelection(RuleSelection.ParseProfile(request.Profile), request.Filters, request.Levels);
        var adapter = AdapterRegistry.Create(request.Adapter, request.AdapterPaths, context.Variables);
        // With more than one job, the start-up's slow one-time steps run side by side: the empty boot of CheckBoots (a
        // kernel's first boot), FsCheck's defaults (PropertyCheck.Prepare) and the suite's discovery with the checks below. The boot's verdict is still taken
        // where it was, so errors keep their order.
        var bootCheck = request.Jobs > 1 ? Task.Run(() => CheckBoots(adapter)) : null;
        if (request.Jobs > 1) _ = Task.Run(Harness.Properties.PropertyCheck.Prepare);
        var expectations = LoadExpectations(request);
        var baseline = request.Baseline is null ? null : ResultsJson.Read(request.Baseline);
        var seed = ParseSeed(request.Seed);
        var shard = ParseShard(request.Shard);
        if (request.TimeLimitSeconds is { } limit && !(limit > 0 && limit <= MaxTimeLimitSeconds))
        {
            throw new UsageException($"--time-limit must be a number of seconds above 0 and at most {MaxTimeLimitSeconds} (a day), not {limit}.");
        }
        var isolated = ParseIsolation(request);
        var settings = new RunSettings
        {
            Profile = selection.Profile,
            Seed = seed,
            TimeLimit = request.TimeLimitSeconds is { } s ? TimeSpan.FromSeconds(s) : new RunSettings().TimeLimit,
        };
        var output = request.Output ?? Path.Combine("reports", "out", adapter.Name);
        var all = context.Rules();
        CheckExpectedRulesExist(expectations, all, request.Expectations);
        var selected = selection.Apply(all);
        var rules = shard is null ? selected : [.. selected.Where(r => shard.Includes(r.Id))];
        var chosen = selection.Filters.Count == 0 && selection.Levels.Count == 0 && shard is null
            ? null
            : new RunSelection(selection.Filters, [.. selection.Levels.Select(l => l.ToString().ToUpperInvariant())], shard);
        // A shard left empty by a small selection still writes its (empty) reports, so a CI matrix's merge step
        // finds every part; only a selection that is empty as a whole certifies nothing.
        if (selected.Count == 0)
        {
            context.Error.WriteLine($"No rule matches the selection (profile {selection.Profile.ToString().ToLowerInvariant()}, {chosen}): nothing to certify, no report written.");
            return ExitCodes.EmptySelection;
        }
        if (baseline is not null)
        {
            // Refused before anything runs: a rule-by-rule comparison of different selections is meaningless.
            var planned = new RunResults(RunResults.CurrentSchemaVersion, Suite.SuiteAssembly.Version, ClauseCatalogue.Hash,
                new AdapterInfo(adapter.Name, adapter.Version), selection.Profile, DateTimeOffset.Now, 0, [], Selection: chosen);
            Commands.DiffCommand.CheckComparable(baseline, planned, request.AllowMismatch);
        }
        if (bootCheck is null) CheckBoots(adapter);
        else bootCheck.GetAwaiter().GetResult();
        // Last of the checks (it creates the folder), still before any rule runs: a run of minutes must not end in an I/O error.
        EnsureWritableFolder(output, "--output");
        if (request.UpdateExpectations)
        {
            var file = request.Expectations ?? Path.Combine(output, "expectations.yaml");
            if (Directory.Exists(file)) throw new UsageException($"--update-expectations: '{file}' is a folder, not a file.");
            EnsureWritableFolder(Path.GetDirectoryName(Path.GetFullPath(file))!, "--update-expectations");
        }

        var console = context.Output;
        var part = shard is null ? "" : $" (shard {shard} of {selected.Count})";
        console.WriteLine($"Phoenix conformance {Suite.SuiteAssembly.Version}: {rules.Count} rules{part}, profile {selection.Profile.ToString().ToLowerInvariant()}, adapter {adapter.Name} {adapter.Version}");
        console.WriteLine(seed is { } given
            ? $"Seed: {given} (every property rule{(IsRandom(request.Seed) ? ", drawn for this run" : "")}; rerun with --seed {given})"
            : $"Seed: {DefaultSeed.Name} (each property rule its own, fixed by the suite version and the rule ID)");
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        // Rules print nothing (property checks are quiet on success and report failures in their exception), so the
        // process's console is left alone: no redirection that a library or a test host would feel.
        IReadOnlyList<RuleRecord> records;
        RuleRecord RunOn(RuleDescriptor rule, Abstractions.Kernel.IKernelAdapter on) => RuleRecord.From(RuleRunner.Run(rule, on, settings), expectations.For(rule.Id));
        RuleRecord RunOne(RuleDescriptor rule) => RunOn(rule, adapter);
        if (isolated is { } capBytes)
        {
            using var pool = new WorkerPool(request.Adapter, request.AdapterPaths ?? [], request.Jobs, capBytes, settings.TimeLimit);
            using var ahead = new RunAhead(rules, rule => pool.Run(rule, RunOn, settings.TimeLimit), request.Jobs);
            records = View(context).Run(rules, ahead.Take);
        }
        else if (request.Jobs > 1)
        {
            using var ahead = new RunAhead(rules, RunOne, request.Jobs);
            records = View(context).Run(rules, ahead.Take);
        }
        else
        {
            records = View(context).Run(rules, RunOne);
        }
        var run = new RunResults(RunResults.CurrentSchemaVersion, Suite.SuiteAssembly.Version, ClauseCatalogue.Hash,
            new AdapterInfo(adapter.Name, adapter.Version), selection.Profile, started, Math.Round(clock.Elapsed.TotalMilliseconds, 1), records,
            seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DefaultSeed.Name, chosen);
        string? comparison = null;
        if (baseline is not null)
        {
            comparison = Commands.DiffCommand.Compare(baseline, run, request.AllowMismatch, out var diff);
            run = run with
            {
                Baseline = new BaselineComparison(request.Baseline!, [.. diff.Regressions.Select(r => r.Id)], diff.NewPasses.Count, diff.Added.Count, diff.Removed.Count),
            };
        }
        var replaced = PreviousKernel(output, run.Adapter);
        ReportFolder.Write(run, output, request.Jobs);
        console.WriteLine($"Reports written to {Path.GetFullPath(output)}");
        if (replaced is not null) console.WriteLine($"note: they replace the reports of another kernel ({replaced}); give --output to keep both.");
        return Gate(run, request, expectations, comparison, output, console);
    }

    /// <summary>The run's last word, shared by <c>run</c> and <c>merge</c> so logs of both read alike.</summary>
    public static string ConformanceLine(RunResults run)
    {
        var summary = run.Summary;
        var percent = RunSummary.Of(run.PageRules).ConformancePercent is { } p ? $"{p:0.0}%" : "n/a";
        return $"Conformance: {percent} of MUST rules pass. {summary.UnexpectedFailures} unexpected failure(s), {summary.UnexpectedPasses} unexpected pass(es), {summary.ExpectedFailures} expected failure(s).";
    }

    private const double MaxTimeLimitSeconds = 86_400;

    private const double DefaultMemoryLimitMegabytes = 4096;

    /// <summary>--isolation and --memory-limit: null for in-process threads, else the workers' memory cap in bytes.</summary>
    private static long? ParseIsolation(RunRequest request)
    {
        switch (request.Isolation)
        {
            case "thread":
                if (request.MemoryLimitMegabytes is not null) throw new UsageException("--memory-limit needs --isolation process (in-process kernels cannot be capped from outside).");
                return null;
            case "process":
                var mb = request.MemoryLimitMegabytes ?? DefaultMemoryLimitMegabytes;
                if (!(mb >= 64 && mb <= 1_048_576)) throw new UsageException($"--memory-limit must be a number of megabytes from 64 to 1048576, not {mb}.");
                return (long)(mb * 1024 * 1024);
            default:
                throw new UsageException($"--isolation must be 'thread' or 'process', not '{request.Isolation}'.");
        }
    }

    /// <summary>
    /// One boot of an empty image before any rule: a kernel that cannot boot at all (a missing ROM file or API, a
    /// kernel that does not compile) would otherwise fail every rule for that one reason and end in a percentage that
    /// reads like a verdict. It is reported once, with the adapter's reason, and nothing is written.
    /// </summary>
    private static void CheckBoots(Abstractions.Kernel.IKernelAdapter adapter)
    {
        try
        {
            adapter.Boot(Abstractions.Boot.BootImage.Empty).Dispose();
        }
        catch (Abstractions.Kernel.KernelBootException e)
        {
            var reason = e.Message.ReplaceLineEndings(" ").Trim();
            throw new UsageException($"The kernel cannot be certified: it does not boot an empty image, so no rule can run. {reason}");
        }
    }

    /// <summary>Creates <paramref name="folder"/> if needed and proves a file can be written in it.</summary>
    private static void EnsureWritableFolder(string folder, string option)
    {
        try
        {
            if (File.Exists(folder)) throw new UsageException($"{option}: '{folder}' is a file, not a folder.");
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".phoenix-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option}: cannot write in '{folder}': {e.Message}");
        }
    }

    /// <summary>The adapter and version whose results the folder held, when they are not this run's: the default
    /// folder is keyed by adapter name, and two kernels in folders of the same name share it.</summary>
    private static string? PreviousKernel(string output, AdapterInfo adapter)
    {
        var path = Path.Combine(output, ResultsJson.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var previous = ResultsJson.Read(path).Adapter;
            return previous == adapter ? null : $"{previous.Name} {previous.Version}";
        }
        catch (ResultsFileException)
        {
            return null; // not ours to judge; it is overwritten like the rest
        }
    }

    /// <summary>A rule ID in the expectations file that the suite does not have is a typo or a renamed rule: either
    /// way that expectation would silently never apply.</summary>
    private static void CheckExpectedRulesExist(ExpectationSet expectations, IEnumerable<RuleDescriptor> all, string? path)
    {
        var known = all.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = expectations.Entries.Select(e => e.Key).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count == 0) return;
        var first = unknown[0];
        var line = expectations.LineOf(first) is { } n ? $" line {n}" : "";
        var more = unknown.Count > 1 ? $" (and {unknown.Count - 1} more)" : "";
        var near = known.FirstOrDefault(id => string.Equals(id, first, StringComparison.OrdinalIgnoreCase))
            ?? known.Where(id => id.Split('/')[0] == first.Split('/')[0]).Order(StringComparer.Ordinal).FirstOrDefault();
        var hint = near is null ? "" : $"; did you mean '{near}'?";
        throw new UsageException($"Expectations file '{path}'{line}: no rule '{first}' in this suite{more}{hint}");
    }

    private static int Gate(RunResults run, RunRequest request, ExpectationSet expectations, string? comparison, string output, TextWriter console)
    {
        var summary = run.Summary;
        console.WriteLine(ConformanceLine(run));
        var exit = ExitCodes.Success;
        if (summary.UnexpectedFailures > 0) exit = ExitCodes.Unexpected;
        if (request.Strict && summary.UnexpectedPasses > 0)
        {
            console.WriteLine("--strict: unexpected passes fail the run; update the expectations file.");
            exit = ExitCodes.Unexpected;
        }
        if (request.UpdateExpectations)
        {
            var path = request.Expectations ?? Path.Combine(output, "expectations.yaml");
            var updated = ExpectationSet.FromRun(run, expectations);
            File.WriteAllText(path, ExpectationsYaml.Write(updated, run.Adapter.Name, ExpectationsYaml.HeaderOf(path)));
            console.WriteLine($"Expectations rewritten: {path} ({updated.Count} entries).");
            exit = ExitCodes.Success;
        }
        if (comparison is not null)
        {
            console.Write($"Compared with baseline {request.Baseline}:\n{comparison}");
            if (run.Baseline!.Regressions.Count > 0) exit = ExitCodes.Unexpected;
        }
        return exit;
    }

    /// <summary>--seed: absent for the default seeds, "random" for a fresh one, or a number.</summary>
    private static ulong? ParseSeed(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or DefaultSeed.Name => null,
        "random" => (ulong)Random.Shared.NextInt64(1, long.MaxValue),
        var number when ulong.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new UsageException($"Unknown seed '{text}' for --seed (expected a number, 'random' or 'default')."),
    };

    private static RunShard? ParseShard(string? text)
    {
        if (text is null) return null;
        return RunShard.TryParse(text, out var problem) ?? throw new UsageException($"--shard: {problem}.");
    }

    private static bool IsRandom(string? text) => string.Equals(text?.Trim(), "random", StringComparison.OrdinalIgnoreCase);

    private static ExpectationSet LoadExpectations(RunRequest request)
    {
        if (request.Expectations is null) return ExpectationSet.Empty;
        // --update-expectations may create the file; anything else needs it to exist and be valid.
        if (request.UpdateExpectations && !File.Exists(request.Expectations)) return ExpectationSet.Empty;
        return ExpectationsYaml.Read(request.Expectations);
    }

    private static IRunView View(CliContext context) => context.Interactive
        ? new LiveRunView(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) }))
        : new PlainRunView(context.Output);
}
