namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for PX-FS-PATHS: path normalisation that differs from ComputerCraft's in one place (and
/// one for combine's argument check, PX-FS-TYPE-ERRORS).</summary>
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
        BrokenKernel.Patched("combine-loses-trailing-nil", "PX-FS-TYPE-ERRORS", "combine repacks its parts through {...}, so a trailing nil part is never checked",
            "local combine = kernel.syscalls.combine\n" +
            "kernel.syscalls.combine = function(process, thread, ...) return combine(process, thread, table.unpack({ ... })) end"),
    ];
}
