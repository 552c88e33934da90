using System.Text.RegularExpressions;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// Runs an FsCheck property so that a failure always says how to replay it. FsCheck 3 prints the run's seed as a bare
/// "(seed,gamma)" pair; this runner turns it into a "Replay:" line naming <see cref="ReplayVariable"/>, and reads that
/// variable back, so a failure seen once (for example in CI) reruns the exact same cases locally.
/// </summary>
public static partial class PropertyRunner
{
    /// <summary>
    /// Set to "seed,gamma" (the pair on the "Replay:" line) to rerun the whole sequence of cases, or to
    /// "seed,gamma,size" (FsCheck's "Replay directly at failing step" triple) to rerun only the failing case.
    /// </summary>
    public const string ReplayVariable = "PHOENIX_FSCHECK_REPLAY";

    /// <summary>Checks <paramref name="property"/> on <paramref name="cases"/> cases; a failure fails the NUnit test.</summary>
    public static void Check(Property property, int cases)
    {
        var failure = Run(property, cases, Environment.GetEnvironmentVariable(ReplayVariable));
        if (failure is not null) Assert.Fail(failure);
    }

    /// <summary>
    /// Checks the property and returns null on success, else the failure text with its replay line first.
    /// Kept separate from <see cref="Check"/> so the failure text itself can be tested without failing a test.
    /// </summary>
    public static string? Run(Property property, int cases, string? replay = null)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        if (ParseReplay(replay) is { } start) config = config.WithReplay(FSharpOption<Replay>.Some(start));
        try
        {
            FsCheck.Check.One(config, property);
            return null;
        }
        catch (Exception e)
        {
            return Describe(e.Message);
        }
    }

    /// <summary>Puts the replay instruction on the first line of FsCheck's failure message.</summary>
    public static string Describe(string fsCheckMessage)
    {
        var seed = SeedPattern().Match(fsCheckMessage);
        var replayLine = seed.Success
            ? $"Replay: set {ReplayVariable}={seed.Groups[1].Value},{seed.Groups[2].Value} to rerun these exact cases."
            : "Replay: FsCheck printed no seed for this failure (it did not come from a generated case).";
        return replayLine + "\n" + fsCheckMessage;
    }

    private static Replay? ParseReplay(string? replay)
    {
        if (string.IsNullOrWhiteSpace(replay)) return null;
        var parts = replay.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => ulong.TryParse(p, out var n) ? n : (ulong?)null).ToArray();
        if (parts.Length is not (2 or 3) || numbers.Any(n => n is null) || (parts.Length == 3 && numbers[2] > int.MaxValue))
        {
            throw new ArgumentException($"{ReplayVariable} must look like 'seed,gamma' or 'seed,gamma,size', got '{replay}'.");
        }
        var size = parts.Length == 3 ? FSharpOption<int>.Some((int)numbers[2]!.Value) : FSharpOption<int>.None;
        return new Replay(new Rnd(numbers[0]!.Value, numbers[1]!.Value), size);
    }

    // FsCheck 3: "Falsifiable, after 3 tests (1 shrink) (17749190488741777960,10355564480382210745):".
    [GeneratedRegex(@"Falsifiable, after .*?\((\d+),\s*(\d+)\)")]
    private static partial Regex SeedPattern();
}
