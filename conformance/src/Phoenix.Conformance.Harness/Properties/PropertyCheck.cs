using System.Collections;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Harness.Properties;

/// <summary>
/// Runs an FsCheck property inside a rule, seeded from the rule context (each rule's fixed default seed, or
/// <c>--seed</c>), so a verdict is reproducible and every failure can be replayed. A counterexample is shrunk with the
/// arbitrary's shrinker and becomes a rule failure whose message carries the seed, a one-line replay hint, the
/// shrunk case and what the rule's check said about it; "not supported" and boot errors thrown inside the property
/// keep their own outcome.
/// </summary>
/// <remarks>
/// Shrinking runs the body again on smaller candidates, and a body may boot a kernel each time, so it is bounded: after
/// <c>maxShrinkRuns</c> runs past the first failure, further candidates are not tried and the smallest failing case so
/// far is reported. The bound is a count, not a time, so the reported case is the same on every machine; only on a
/// machine too slow to finish within half the rule's time limit does shrinking stop early (the message says so), so
/// the rule still reports its failure rather than a timeout.
/// </remarks>
public static class PropertyCheck
{
    /// <summary>
    /// Builds FsCheck's default configuration now. FsCheck makes its default generators on first use, by reflection,
    /// inside a type initializer: the first property rule pays for it while every other thread reaching FsCheck waits
    /// on that initializer. A parallel run calls this beside its other start-up work instead.
    /// </summary>
    public static void Prepare() => _ = Config.QuickThrowOnFailure;

    public static void ForAll<T>(RuleContext context, Arbitrary<T> arbitrary, Action<T> body, int cases = 100, int maxShrinkRuns = 150)
    {
        context.UsedSeed = true;
        Exception? outOfBand = null;
        var trace = new FailureTrace<T>();
        var property = Prop.ForAll(arbitrary, value =>
        {
            context.Cancellation.ThrowIfCancellationRequested();
            // Past the shrink budget a candidate counts as passing, which ends shrinking at the last failing case.
            if (trace.Failures > 0 && trace.RunsSinceFirstFailure++ >= maxShrinkRuns) return;
            if (trace.Failures > 0 && DateTime.UtcNow > context.ShrinkDeadline)
            {
                trace.CutByTime = true;
                return;
            }
            if (trace.Failures == 0) trace.Tests++;
            try
            {
                body(value);
            }
            catch (Exception e) when (e is NotSupportedByAdapterException or KernelBootException or OperationCanceledException)
            {
                outOfBand ??= e;
                throw;
            }
            catch (Exception e)
            {
                trace.Failed(value, e);
                throw;
            }
        });
        var replay = new Replay(new Rnd(context.Seed), FSharpOption<int>.None);
        // Quiet on success: FsCheck would otherwise print "Ok, passed N tests." into the runner's output.
        var config = Config.QuickThrowOnFailure.WithQuietOnSuccess(true).WithMaxTest(cases).WithReplay(FSharpOption<Replay>.Some(replay));
        try
        {
            FsCheck.Check.One(config, property);
        }
        catch (Exception e) when (e is not RuleViolationException)
        {
            if (outOfBand is not null) throw outOfBand;
            throw new RuleViolationException(Describe(context, trace, e.Message));
        }
    }

    private static string Describe<T>(RuleContext context, FailureTrace<T> trace, string fsCheckMessage)
    {
        var seed = context.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var replay = string.IsNullOrEmpty(context.RuleId)
            ? $"PHOENIX_SEED={seed}"
            : $"--seed {seed} --filter {context.RuleId} (NUnit: PHOENIX_SEED={seed})";
        if (trace.Smallest is null) return $"property falsified with seed {seed} (replay: {replay})\n{fsCheckMessage}";
        var shrinks = trace.Failures - 1;
        return $"property falsified after {trace.Tests} test{(trace.Tests == 1 ? "" : "s")} and {shrinks} shrink{(shrinks == 1 ? "" : "s")}, seed {seed}: {FirstLine(trace.SmallestError!)}\n"
            + $"replay: {replay}\n"
            + $"shrunk counterexample{(trace.CutByTime ? " (shrinking stopped at half the rule's time limit)" : "")}: {Render(trace.Smallest.Value)}\n"
            + $"original counterexample: {Render(trace.Original!.Value)}\n\n"
            + fsCheckMessage;
    }

    /// <summary>Lua lists print as "(1, nil, "x")"; anything else by its own ToString.</summary>
    public static string Render(object? value) => value switch
    {
        null => "null",
        IEnumerable<LuaValue> list => $"({string.Join(", ", list)})",
        string s => $"\"{s}\"",
        IEnumerable items and not LuaValue => $"[{string.Join(", ", items.Cast<object?>().Select(Render))}]",
        _ => value.ToString() ?? "",
    };

    private static string FirstLine(Exception e) =>
        (e is RuleViolationException ? e.Message : $"{e.GetType().Name}: {e.Message}").Split('\n')[0].TrimEnd('\r');

    /// <summary>What the property saw fail: the first case (the original), the last (the shrunk one) and counts.</summary>
    private sealed class FailureTrace<T>
    {
        public int Tests;
        public int Failures;
        public int RunsSinceFirstFailure;
        public bool CutByTime;
        public StrongBox<T>? Original;
        public StrongBox<T>? Smallest;
        public Exception? SmallestError;

        // FsCheck only moves to a candidate that fails, so the last failure is the smallest case it found.
        public void Failed(T value, Exception e)
        {
            Failures++;
            Original ??= new StrongBox<T>(value);
            Smallest = new StrongBox<T>(value);
            SmallestError = e;
        }
    }
}
