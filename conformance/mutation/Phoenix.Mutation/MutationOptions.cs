using System.Globalization;

namespace Phoenix.Mutation;

/// <summary>The command line of phoenix-mutation (see conformance/mutation/README.md). Bad usage throws
/// <see cref="ArgumentException"/> with the message to show.</summary>
public sealed record MutationOptions
{
    public int? Sample { get; init; }

    public ulong Seed { get; init; } = 1;

    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<string> MutantIds { get; init; } = [];

    public bool List { get; init; }

    /// <summary>Exit 1 when the page score (percent) is below this.</summary>
    public double? Threshold { get; init; }

    public int Jobs { get; init; } = 1;

    public IReadOnlyList<string> Reports { get; init; } = [];

    public string? Resume { get; init; }

    public string Equivalents { get; init; } = Path.Combine("conformance", "mutation", "equivalent-mutants.yaml");

    /// <summary>A rule running past this is a timeout, which kills the mutant (it hung the kernel).</summary>
    public double RuleTimeLimitSeconds { get; init; } = 20;

    public static string Usage =>
        """
        phoenix-mutation [options]   mutation testing of the reference kernel's Lua glue
          --list                 list the selected mutants (id, diff) and exit
          --sample N --seed S    a deterministic sample of N mutants (seed 1 unless given)
          --file NAME            only mutants of this built-in script (kmod.lua, ...); repeatable
          --mutant ID            only this mutant; repeatable
          --jobs N               mutants run in parallel (default 1)
          --report PATH          write a report: .md (scores, survivors) or .json (everything); repeatable
          --resume PATH.json     reuse the verdicts of an earlier JSON report for the same mutants
          --threshold P          exit 1 when the page score is below P percent
          --equivalents PATH     equivalent mutants (default conformance/mutation/equivalent-mutants.yaml)
          --rule-time-limit S    seconds before a rule counts as hung (default 20)
        """;

    public static MutationOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MutationOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--list" => options with { List = true },
                "--sample" => options with { Sample = PositiveInt(Value(), "--sample") },
                "--seed" => options with { Seed = ulong.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw new ArgumentException("--seed takes a non-negative integer.") },
                "--file" => options with { Files = [.. options.Files, Value()] },
                "--mutant" => options with { MutantIds = [.. options.MutantIds, Value()] },
                "--jobs" => options with { Jobs = PositiveInt(Value(), "--jobs") },
                "--report" => options with { Reports = [.. options.Reports, ReportPath(Value())] },
                "--resume" => options with { Resume = Value() },
                "--threshold" => options with { Threshold = Number(Value(), "--threshold", 0, 100) },
                "--equivalents" => options with { Equivalents = Value() },
                "--rule-time-limit" => options with { RuleTimeLimitSeconds = Number(Value(), "--rule-time-limit", 0.1, 3600) },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }
        return options;
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option} takes a positive integer, not '{text}'.");

    private static double Number(string text, string option, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{option} takes a number from {min} to {max}, not '{text}'.");

    private static string ReportPath(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? path
            : throw new ArgumentException($"--report writes .md or .json, not '{path}'.");
}
