using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>
/// Properties over generated layouts (sides, wired networks, several types per peripheral, types that differ from a
/// driver's only in case) and generated steps (attach, detach, deregister, calls with nil holes, trailing nils, NaN,
/// -0.0 and nested tables, by root and an ordinary user; a boot module that registers a driver twice; runtime
/// registration for the COMPAT ones), compared with <see cref="BindingModel"/> after every step
/// (<see cref="BindingSession"/>). One property per clause, each comparing the views its clause is about.
/// </summary>
public sealed class BindingProperties
{
    private const int Cases = 15;

    [Clause("DRV-DEREGISTER")]
    public void GeneratedLayoutsAndSteps_BindingsLifecycleAndCallsMatchThePage(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false), BindingViews.Page, cases: 25);

    [Clause("DRV-BIND-TYPE")]
    public void GeneratedTypesAndCaseVariants_DevicesGetExactlyTheDriversOfTheirTypes(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false, deregistration: false), BindingViews.Bindings);

    [Clause("DRV-INIT")]
    public void GeneratedLayoutsAndSteps_InitRunsOncePerBinding(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false, deregistration: false), BindingViews.Inits);

    [Clause("DRV-DEINIT")]
    public void GeneratedDetachesAndDeregistrations_DeinitRunsOncePerUnbinding(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false), BindingViews.Deinits, deregistrationFinal: false);

    [Clause("DRV-PERIPHERAL-API")]
    public void GeneratedCalls_ReachSidePeripheralsWithExactArguments(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false, deregistration: false), BindingViews.Results | BindingViews.SideLogs);

    [Clause("DRV-MODEM")]
    public void GeneratedCalls_ReachNetworkPeripheralsOverTheirModemWithExactArguments(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false, deregistration: false), BindingViews.Results | BindingViews.RemoteLogs);

    [Clause("DRV-NAME")]
    public void GeneratedLayoutsAndSteps_DevinfoNamesEachBoundDriver(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: false), BindingViews.Bindings, deregistrationFinal: false);

    [Clause("PX-DRV-REGISTER-NO-RETROBIND")]
    public void GeneratedStepsWithRuntimeRegistration_MatchPhoenix(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: true), BindingViews.Page, cases: 25);

    [Clause("PX-DRV-DEVFIND")]
    public void GeneratedStepsWithRuntimeRegistration_DevfindDevlookupAndDevmethodsAgreeAfterEach(RuleContext context) =>
        Property(context, DeviceGenerators.Scenarios(runtimeRegistration: true), BindingViews.Find);

    // DRV-DEREGISTER's property is where a deregistered driver must never bind again; the others leave that open
    // (deregistrationFinal: false) so a kernel's deregistration bug is reported once, under its clause.
    private static void Property(RuleContext context, FsCheck.Arbitrary<DeviceScenario> scenarios, BindingViews views, int cases = Cases,
        bool deregistrationFinal = true) =>
        PropertyCheck.ForAll(context, scenarios, s => BindingSession.Run(context, s, views, deregistrationFinal), cases: cases);
}
