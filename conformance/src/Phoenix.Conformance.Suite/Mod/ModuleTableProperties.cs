using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// Model-based properties of the module table: generated module files (names differing only in case, unicode,
/// punctuation; owners and world bits that change after boot) and generated steps (loadmodule, unloadmodule,
/// callmodule under exact names and near misses, chmod and chown by root, the owner and others), compared with
/// <see cref="ModuleTableModel"/> after boot and after every step. One property per clause, each drawing only the
/// steps its clause is about (<see cref="ModuleMix"/>), so a defect is reported under the clause it breaks.
/// </summary>
public sealed class ModuleTableProperties
{
    private const int Cases = 12;

    [Clause("MOD-API")]
    public void GeneratedModules_EachReachedThroughCallmoduleByEveryUser(RuleContext context) =>
        Property(context, ModuleMix.ForScope with { Call = 3 }, ModuleViews.Who);

    [Clause("MOD-CALL-SCOPE")]
    public void GeneratedNamesAndNearMisses_OnlyTheExactNameReachesAModule(RuleContext context) =>
        Property(context, ModuleMix.ForScope, ModuleViews.Who);

    [Clause("MOD-UNLOAD")]
    public void GeneratedLoadsAndUnloads_UnloadRunsForExactlyTheNamedModule(RuleContext context) =>
        Property(context, ModuleMix.ForUnload, ModuleViews.Who | ModuleViews.Unloads);

    [Clause("MOD-UNLOAD-OPTIONAL")]
    public void GeneratedModulesWithoutUnload_LoadUnloadAndLoadAgain(RuleContext context) =>
        Property(context, ModuleMix.ForOptional, ModuleViews.Who | ModuleViews.Runs);

    [Clause("MOD-OWNER")]
    public void GeneratedOwnerChanges_EachLoadJudgesTheOwnerAtThatMoment(RuleContext context) =>
        Property(context, ModuleMix.ForOwner, ModuleViews.Who | ModuleViews.Runs);

    [Clause("MOD-WORLD-WRITABLE")]
    public void GeneratedWorldWriteChanges_EachLoadJudgesTheModeAtThatMoment(RuleContext context) =>
        Property(context, ModuleMix.ForWorldWrite, ModuleViews.Who | ModuleViews.Runs);

    [Clause("PX-MOD-LISTMODULES")]
    public void GeneratedSteps_ListmodulesMatchesTheModuleTableAfterEach(RuleContext context) =>
        PropertyCheck.ForAll(context, ModuleGenerators.Scenarios(ModuleMix.ForPhoenix),
            s => ModuleTableSession.Run(context, s, ModuleViews.List, followPhoenix: true), cases: Cases);

    [Clause("PX-MOD-CALLMODULE-ERRORS")]
    public void GeneratedSteps_CallmoduleErrorsNameTheModuleAsGiven(RuleContext context) =>
        PropertyCheck.ForAll(context, ModuleGenerators.Scenarios(ModuleMix.ForPhoenix),
            s => ModuleTableSession.Run(context, s, ModuleViews.Errors, followPhoenix: true), cases: Cases);

    private static void Property(RuleContext context, ModuleMix mix, ModuleViews views) =>
        PropertyCheck.ForAll(context, ModuleGenerators.Scenarios(mix), s => ModuleTableSession.Run(context, s, views, followPhoenix: false), cases: Cases);
}
