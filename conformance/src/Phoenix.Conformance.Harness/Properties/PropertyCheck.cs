using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Harness.Properties;

/// <summary>
/// Runs an FsCheck property inside a rule, seeded from the rule context so every failure can be replayed
/// (<c>--seed</c>). A counterexample becomes a rule failure whose message carries the seed and the shrunk case;
/// "not supported" and boot errors thrown inside the property keep their own outcome.
/// </summary>
public static class PropertyCheck
{
    public static void ForAll<T>(RuleContext context, Arbitrary<T> arbitrary, Action<T> body, int cases = 100)
    {
        context.UsedSeed = true;
        Exception? outOfBand = null;
        var property = Prop.ForAll(arbitrary, value =>
        {
            context.Cancellation.ThrowIfCancellationRequested();
            try
            {
                body(value);
            }
            catch (Exception e) when (e is NotSupportedByAdapterException or KernelBootException or OperationCanceledException)
            {
                outOfBand ??= e;
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
            throw new RuleViolationException(
                $"property falsified (replay with --seed {context.Seed}): {Summarize(e.Message)}\n{e.Message}");
        }
    }

    private static string Summarize(string fsCheckMessage)
    {
        // FsCheck's message names the original failure after "with exception:"; the rule's own check says what broke.
        var marker = fsCheckMessage.IndexOf("RuleViolationException: ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var rest = fsCheckMessage[(marker + "RuleViolationException: ".Length)..];
            return rest.Split('\n')[0].Trim();
        }
        return fsCheckMessage.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? fsCheckMessage;
    }
}
