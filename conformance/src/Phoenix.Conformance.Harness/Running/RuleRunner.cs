using System.Diagnostics;
using System.Reflection;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Fixtures;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>
/// Runs one rule against one adapter and classifies what happened. Nothing a kernel does can stop the run: a failed
/// check is "fail", anything else thrown is "error", a missing adapter operation is "not supported", and a rule
/// past its time limit is "timeout" (its thread is abandoned; the kernel's own budgets end it).
/// </summary>
public static class RuleRunner
{
    public static RuleResult Run(RuleDescriptor rule, IKernelAdapter adapter, RunSettings settings)
    {
        var seed = settings.Seed ?? DefaultSeed.For(rule);
        var fixtures = FixtureLibrary.For(rule.Method.DeclaringType!.Assembly);
        using var cancellation = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        RuleContext? context = null;
        var task = Task.Factory.StartNew(() =>
        {
            context = new RuleContext(adapter, settings.Profile, seed, fixtures, cancellation.Token) { RuleId = rule.Id, ShrinkDeadline = DateTime.UtcNow + settings.TimeLimit / 2 };
            try
            {
                var target = rule.Method.IsStatic ? null : Activator.CreateInstance(rule.Method.DeclaringType!);
                rule.Method.Invoke(target, [context]);
            }
            finally
            {
                context.Dispose();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        bool finished;
        try
        {
            finished = task.Wait(settings.TimeLimit);
        }
        catch (AggregateException)
        {
            finished = true;
        }
        stopwatch.Stop();
        if (!finished)
        {
            cancellation.Cancel();
            return new RuleResult(rule, RuleOutcome.Timeout, stopwatch.Elapsed,
                $"The rule did not finish within {settings.TimeLimit.TotalSeconds:0.#} s.");
        }
        var seedText = context?.UsedSeed == true ? seed.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Classify(rule, task.Exception?.InnerException, stopwatch.Elapsed, seedText);
    }

    private static RuleResult Classify(RuleDescriptor rule, Exception? thrown, TimeSpan duration, string? seed)
    {
        while (thrown is TargetInvocationException { InnerException: not null } wrapper) thrown = wrapper.InnerException;
        return thrown switch
        {
            null => new RuleResult(rule, RuleOutcome.Pass, duration, Seed: seed),
            RuleViolationException v => new RuleResult(rule, RuleOutcome.Fail, duration, FirstLine(v.Message), v.Message, seed),
            NotSupportedByAdapterException n => new RuleResult(rule, RuleOutcome.NotSupported, duration, n.Message, Seed: seed),
            OperationCanceledException => new RuleResult(rule, RuleOutcome.Timeout, duration, "The rule was cancelled at its time limit.", Seed: seed),
            KernelStoppedException k => new RuleResult(rule, RuleOutcome.Fail, duration, FirstLine(k.Message), k.Message, seed),
            KernelBootException b => new RuleResult(rule, RuleOutcome.Error, duration, FirstLine(b.Message), b.ToString(), seed),
            var other => new RuleResult(rule, RuleOutcome.Error, duration,
                $"{other.GetType().Name}: {FirstLine(other.Message)}", other.ToString(), seed),
        };
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
