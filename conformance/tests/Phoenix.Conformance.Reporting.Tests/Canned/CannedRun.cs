using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Reporting.Tests.Canned;

/// <summary>
/// A fixed run for writer snapshots: every outcome and verdict, a seed, multi-line details, characters that need
/// escaping, fixed times and a fixed catalogue hash, so a snapshot changes only when a writer does.
/// </summary>
public static class CannedRun
{
    public static readonly DateTimeOffset Started = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>The rules of <see cref="CannedRules"/> by method name.</summary>
    public static IReadOnlyList<RuleDescriptor> Rules { get; } = RuleDiscovery.FromAssembly(typeof(CannedRules).Assembly);

    public static RuleDescriptor Rule(string method) => Rules.Single(r => r.Name == method);

    /// <summary>The clauses the canned reports' coverage tables list: the page's (they change only with clauses.md)
    /// and the COMPAT clauses the canned rules name, so adding COMPAT clauses to the suite leaves the snapshots alone.</summary>
    public static IReadOnlyList<Clause> Catalogue { get; } =
        [.. PageClauses.All, .. CompatClauses.All.Where(c => Rules.Any(r => r.Clause.Id == c.Id))];

    /// <summary>Expectations: MOD-UNLOAD's error is known; PX-MOD-LISTMODULES is (wrongly) expected to fail.</summary>
    public static ExpectationSet Expectations { get; } = new(
    [
        KeyValuePair.Create("MOD-UNLOAD/Unloadmodule_CallsUnload", new Expectation(RuleOutcome.Error, "Known crash in unload", "https://example.org/issues/7")),
        KeyValuePair.Create("PX-MOD-LISTMODULES/Listmodules_ListsLoaded", new Expectation(RuleOutcome.Fail, "listmodules was missing")),
    ]);

    public static RunResults Create()
    {
        RuleResult[] results =
        [
            new(Rule("Module_AtBoot_IsLoaded"), RuleOutcome.Pass, TimeSpan.FromMilliseconds(12.34)),
            new(Rule("Callmodule_ReturnsApiResult"), RuleOutcome.Fail, TimeSpan.FromMilliseconds(250),
                "MOD-API callmodule(echo.ping): expected 42, observed <nil> & \"quotes\"",
                "MOD-API callmodule(echo.ping): expected 42, observed <nil> & \"quotes\"\n  counterexample: [1; 2]", "123456789"),
            new(Rule("Unloadmodule_CallsUnload"), RuleOutcome.Error, TimeSpan.FromMilliseconds(3),
                "InvalidOperationException: kernel crashed | while unloading", "System.InvalidOperationException: kernel crashed | while unloading\n   at Somewhere()"),
            new(Rule("Unload_ReversesGlobals"), RuleOutcome.NotSupported, TimeSpan.FromMilliseconds(1), "The adapter does not support 'RunUserChunk'."),
            new(Rule("Subdirectory_Hangs"), RuleOutcome.Timeout, TimeSpan.FromSeconds(2), "The rule did not finish within 2 s."),
            new(Rule("BootModules_LoadInSortedOrder"), RuleOutcome.Fail, TimeSpan.FromMilliseconds(4), "PX-MOD-BOOT-ORDER boot order: expected [a, b], observed [b, a]"),
            new(Rule("Listmodules_ListsLoaded"), RuleOutcome.Pass, TimeSpan.FromMilliseconds(5)),
        ];
        var records = results.Select(r => RuleRecord.From(r, Expectations.For(r.Rule.Id))).ToList();
        return new RunResults(RunResults.CurrentSchemaVersion, "1.2.3", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            new AdapterInfo("canned", "9.9 <test>"), Profile.V2, Started, 2275.3, records, "default");
    }
}
