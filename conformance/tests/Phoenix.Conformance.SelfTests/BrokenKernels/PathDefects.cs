namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-FS-PATHS: path normalisation that differs from ComputerCraft's in one place.</summary>
internal static class PathDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("combine-loses-leading-slash", "PX-FS-PATHS", "combine drops the leading '/' of an absolute first argument",
            "local combine = kernel.syscalls.combine\n" +
            "kernel.syscalls.combine = function(...) local result = combine(...) return (result:gsub('^/', '')) end"),
        BrokenKernel.Patched("three-dots-as-parent", "PX-FS-PATHS", "a part of three or more dots climbs like '..'",
            "local realPath = kernel.realPath\n" +
            "kernel.realPath = function(process, path) return realPath(process, (path:gsub('%.%.%.+', '..'))) end"),
    ];
}
