namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Every broken kernel the self-tests run.</summary>
internal static class BrokenKernelCatalogue
{
    public static IReadOnlyList<BrokenKernel> All { get; } = [.. ModDefects.All, .. CompatDefects.All, .. FsDefects.All, .. FsModelDefects.All, .. UserDefects.All, .. DrvDefects.All, .. DrvModelDefects.All, .. DrvCompatDefects.All, .. ModelDefects.All, .. UserModelDefects.All, .. CompatModelDefects.All, .. AdvisoryDefects.All, .. PermissionDefects.All, .. PathDefects.All, .. FileDefects.All, .. MountDefects.All, .. SurvivorDefects.All, .. DrvModSurvivorDefects.All, .. SampleSurvivorDefects.All];
}
