using System.Globalization;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// The CraftOS host's CI test: the suite's module rules (MOD-* and Phoenix's PX-MOD-* / PX-USER-* details) run through
/// the craftos adapter against the Tiny kernel, exactly as they run against any kernel, and must pass. Tiny
/// deliberately has no device drivers or filesystem mounts, so only the module families are certified here, and a
/// module rule that also needs them must fail for that reason, not stop with an error.
/// </summary>
public class TinyKernelCertificationTests
{
    private static readonly CraftOsAdapter Adapter = new(RepositoryPaths.TinyKernel);

    /// <summary>Module rules that also use what Tiny lacks (its README), so they run to the end and fail. Tiny has no
    /// chmod, chown or stat (the trust rules change module files after boot with them), and its syslog file keeps no
    /// category.</summary>
    private static readonly HashSet<string> BeyondTiny =
    [
        "MOD-API/FixtureProgram_UsingAModuleAFilesystemAndADriver_Works",
        "PX-USER-CALLBACK-ERROR-LOGGED/CallbackThatErrors_IsLoggedUnderApplicationError",
        "MOD-OWNER/BootModule_ChownedToUser_FailsToLoadAgain",
        "MOD-OWNER/GeneratedOwnerChanges_EachLoadJudgesTheOwnerAtThatMoment",
        "MOD-OWNER/ModuleOwnedByUserAtBoot_ChownedToRoot_Loads",
        "MOD-WORLD-WRITABLE/BootModule_MadeWorldWritable_FailsToLoadAgain",
        "MOD-WORLD-WRITABLE/GeneratedWorldWriteChanges_EachLoadJudgesTheModeAtThatMoment",
        "MOD-WORLD-WRITABLE/WorldWritableModuleAtBoot_MadeReadOnly_Loads",
        "PX-MOD-SYSLOG/ModuleLogging_KeepsLevelModuleCategoryAndMessageParts",
    ];

    public static IEnumerable<TestCaseData> ModuleRules() =>
        from rule in SuiteAssembly.Rules
        where rule.Clause.Id.StartsWith("MOD-", StringComparison.Ordinal)
            || rule.Clause.Id.StartsWith("PX-MOD-", StringComparison.Ordinal)
            || rule.Clause.Id.StartsWith("PX-USER-", StringComparison.Ordinal)
        let profile = rule.Clause.AppliesTo(Profile.V2) ? Profile.V2 : Profile.V1
        select new TestCaseData(rule, profile).SetName($"Tiny {rule.Id}");

    /// <summary>Module rules Tiny cannot answer at all: its callmodule runs the API function to its end in one go, so a
    /// function that yields (waiting for an event, as PX-MOD-API-YIELD's does) leaves the request unanswered and the
    /// adapter reports the kernel idle, an error. That is Tiny's limit, and the rule's error says so.</summary>
    private static readonly HashSet<string> StopsTiny =
    [
        "PX-MOD-API-YIELD/ApiFunctionThatYields_ReturnsItsResultsWhenItFinishes",
    ];

    [TestCaseSource(nameof(ModuleRules))]
    public void ModuleRule_PassesOnTiny(RuleDescriptor rule, Profile profile)
    {
        // A fixed seed keeps the property rules' cases the same on every CI run.
        var result = RuleRunner.Run(rule, Adapter, new RunSettings { Profile = profile, Seed = 20240101, TimeLimit = TimeSpan.FromSeconds(30) });
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule.Id}: {result.Outcome} in {result.Duration.TotalMilliseconds:0} ms"));
        var expected = StopsTiny.Contains(rule.Id) ? RuleOutcome.Error : BeyondTiny.Contains(rule.Id) ? RuleOutcome.Fail : RuleOutcome.Pass;
        Assert.That(result.Outcome, Is.EqualTo(expected), $"{result.Message}\n{result.Details}");
    }
}
