using System.Globalization;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.Tests;

/// <summary>
/// Every rule, once per profile its clause belongs to, as an NUnit test named "CLAUSE-ID/Rule(profile)" with the
/// clause ID, level and profile as categories (filter with <c>--filter "TestCategory=MOD-OWNER"</c>). The kernel is
/// chosen by PHOENIX_ADAPTER (default: the reference kernel). Property rules use each rule's default seed, as the
/// runner does, so a verdict here matches the CLI's; PHOENIX_SEED=&lt;number&gt; gives every rule that seed (to replay
/// a reported failure), PHOENIX_SEED=random a fresh one (printed in a failure). PHOENIX_EXPECTATIONS=&lt;file&gt; reads
/// an expectations file as the runner does: a rule that comes out as its entry says is reported as skipped ("expected
/// failure"), any other result is judged as without the file.
/// </summary>
public class ConformanceSuiteTests
{
    // The adapter PHOENIX_ADAPTER names (else the reference kernel), with PHOENIX_ADAPTER_PATH's folders and the
    // process's variables for the adapter's settings (this setup is the suite's entry point).
    private static readonly Lazy<IKernelAdapter> Adapter = new(() => AdapterRegistry.Create(
        Environment.GetEnvironmentVariable(AdapterRegistry.EnvironmentVariable) is { Length: > 0 } name ? name : AdapterRegistry.DefaultAdapter,
        AdapterRegistry.SplitPaths(Environment.GetEnvironmentVariable(AdapterRegistry.PathEnvironmentVariable)),
        Environment.GetEnvironmentVariable));

    private static readonly Lazy<ExpectationSet> Expectations = new(() =>
        Environment.GetEnvironmentVariable("PHOENIX_EXPECTATIONS") is { Length: > 0 } path ? ExpectationsYaml.Read(path) : ExpectationSet.Empty);

    public static IEnumerable<TestCaseData> Rules() =>
        from rule in SuiteAssembly.Rules
        from profile in new[] { Profile.V1, Profile.V2 }
        where rule.Clause.AppliesTo(profile)
        let profileName = profile.ToString().ToLowerInvariant()
        select new TestCaseData(rule, profile)
            .SetName($"{rule.Id}({profileName})")
            .SetCategory(rule.Clause.Id)
            .SetCategory(rule.Clause.Level.ToString().ToUpperInvariant())
            .SetCategory(profileName);

    [TestCaseSource(nameof(Rules))]
    public void Rule(RuleDescriptor rule, Profile profile)
    {
        var seed = Environment.GetEnvironmentVariable("PHOENIX_SEED") switch
        {
            null or "" => (ulong?)null,
            "random" => (ulong)Random.Shared.NextInt64(1, long.MaxValue),
            var text => ulong.Parse(text, CultureInfo.InvariantCulture),
        };
        var result = RuleRunner.Run(rule, Adapter.Value, new RunSettings { Profile = profile, Seed = seed });
        if (Expectations.Value.For(rule.Id) is { } expected && expected.Outcome != RuleOutcome.Pass && expected.Outcome == result.Outcome)
        {
            Assert.Ignore($"expected failure ({result.Outcome}): {expected.Reason ?? result.Message}");
        }
        if (result.Outcome == RuleOutcome.NotSupported) Assert.Ignore(result.Message ?? "not supported by this adapter");
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Pass),
            $"{rule.Id} on '{Adapter.Value.Name}': {result.Outcome}: {result.Details ?? result.Message}" +
            (result.Seed is null ? "" : $"\nReplay with PHOENIX_SEED={result.Seed} (runner: --seed {result.Seed} --filter {rule.Id})"));
    }
}
