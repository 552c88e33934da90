using FsCheck;
using Microsoft.FSharp.Core;

namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// Runs an FsCheck property so that a failure always says how to replay it. Each run is seeded explicitly (from
/// <see cref="ReplayVariable"/> when set, else a fresh random seed), and a failure's first line is "Replay: set
/// PHOENIX_SEED=...", the same variable the conformance suite uses, so a failure seen once (for example in CI) reruns
/// the exact same cases locally. FsCheck's own report, with the counterexample, follows unchanged.
/// </summary>
public static class PropertyRunner
{
    /// <summary>
    /// A seed: one number (as printed on the "Replay:" line) reruns the whole sequence of cases; "seed,gamma,size"
    /// (FsCheck's "Replay directly at failing step" triple) reruns only the failing case; "seed,gamma" (the pair
    /// in FsCheck's "Falsifiable" line) also reruns the whole sequence.
    /// </summary>
    public const string ReplayVariable = "PHOENIX_SEED";

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
        replay = string.IsNullOrWhiteSpace(replay) ? ((ulong)Random.Shared.NextInt64()).ToString() : replay.Trim();
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(ParseReplay(replay)));
        try
        {
            FsCheck.Check.One(config, property);
            return null;
        }
        catch (Exception e)
        {
            return $"Replay: set {ReplayVariable}={replay} to rerun these exact cases.\n{e.Message}";
        }
    }

    private static Replay ParseReplay(string replay)
    {
        var parts = replay.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => ulong.TryParse(p, out var n) ? n : (ulong?)null).ToArray();
        if (parts.Length is not (1 or 2 or 3) || numbers.Any(n => n is null) || (parts.Length == 3 && numbers[2] > int.MaxValue))
        {
            throw new ArgumentException($"{ReplayVariable} must look like 'seed', 'seed,gamma' or 'seed,gamma,size', got '{replay}'.");
        }
        var rnd = parts.Length == 1 ? new Rnd(numbers[0]!.Value) : new Rnd(numbers[0]!.Value, numbers[1]!.Value);
        var size = parts.Length == 3 ? FSharpOption<int>.Some((int)numbers[2]!.Value) : FSharpOption<int>.None;
        return new Replay(rnd, size);
    }
}
