using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// Model-based properties of the mount table: generated steps (mounts by root and ordinary users at nested,
/// prefix-sharing, case-variant and dotted mount points and at the root; unmounts; filesystem syscalls on
/// paths into, out of and across mounts) compared with <see cref="MountTableModel"/> after every step, through the
/// recording filesystem's call log, stat probes and mountlist. One property per clause, each drawing the steps and
/// comparing the views its clause is about (<see cref="FsMix"/>, <see cref="FsViews"/>).
/// </summary>
public sealed class MountTableProperties
{
    private const int Cases = 12;

    [Clause("FS-RELATIVE-PATH")]
    public void GeneratedMountsAndPaths_EachCallGetsThePathRelativeToItsMount(RuleContext context) =>
        Property(context, FsMix.ForRouting, FsViews.Routing);

    [Clause("FS-METHODS")]
    public void GeneratedMountsAndCalls_EachSyscallReachesItsMethodOnTheRightMount(RuleContext context) =>
        Property(context, FsMix.ForMethods, FsViews.Methods);

    [Clause("FS-METHODS-V2")]
    public void GeneratedMountsAndCalls_EachV2SyscallReachesItsMethodOnTheRightMount(RuleContext context) =>
        Property(context, FsMix.ForMethodsV2, FsViews.Methods);

    [Clause("FS-METHOD-ARGS")]
    public void GeneratedCallsByEveryUser_MethodsGetTheCallerAndTheSyscallsArguments(RuleContext context) =>
        Property(context, FsMix.ForArguments with { Methods = [.. FsMix.ForArguments.Methods.Where(m => context.Profile == Profile.V2 || m is not ("link" or "mkfifo"))] },
            FsViews.Arguments);

    [Clause("FS-REGISTER")]
    public void GeneratedTypeNames_OnlyTheExactStoredNameMounts(RuleContext context) =>
        Property(context, FsMix.ForRegistry, FsViews.MountOutcomes);

    [Clause("FS-NEW")]
    public void GeneratedMounts_EachCallsNewOnceWithCallerSourceAndOptions(RuleContext context) =>
        Property(context, FsMix.ForNew, FsViews.New);

    [Clause("FS-INFO")]
    public void GeneratedMountsAndUnmounts_MountlistShowsEveryLiveMountsInfo(RuleContext context) =>
        Property(context, FsMix.ForInfo, FsViews.Info);

    [Clause("FS-UNMOUNT-HOOK")]
    public void GeneratedUnmounts_EachCallsTheTopMountsHookOnce(RuleContext context) =>
        Property(context, FsMix.ForUnmount, FsViews.Hook | FsViews.UnmountOutcomes);

    [Clause("PX-FS-MOUNTLIST-SHAPE")]
    public void GeneratedSteps_MountlistIsTheMountTableAfterEach(RuleContext context) =>
        PropertyCheck.ForAll(context, FsGenerators.Scenarios(FsMix.ForPhoenix), s => MountTableSession.Run(context, s, FsViews.List, followPhoenix: true), cases: Cases);

    [Clause("PX-FS-MOUNT-ERRORS")]
    public void GeneratedSteps_MountAndUnmountFailWhereAndHowPhoenixDoes(RuleContext context) =>
        PropertyCheck.ForAll(context, FsGenerators.Scenarios(FsMix.ForPhoenix),
            s => MountTableSession.Run(context, s, FsViews.MountOutcomes | FsViews.UnmountOutcomes | FsViews.Errors, followPhoenix: true), cases: Cases);

    private static void Property(RuleContext context, FsMix mix, FsViews views) =>
        PropertyCheck.ForAll(context, FsGenerators.Scenarios(mix), s => MountTableSession.Run(context, s, views, followPhoenix: false), cases: Cases);
}
