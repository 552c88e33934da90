namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for userModeCallback of the kinds issue 11 lists: one process reused for every callback
/// (only a second ordinary user notices), arguments repacked at this one crossing.</summary>
internal static class UserModelDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("one-callback-process", "MOD-USER-CALLBACK", "callbacks run in the process of the first callback the kernel ran",
            "local umc = kernel.userModeCallback\nlocal host\n" +
            "kernel.userModeCallback = function(process, func, ...)\n  host = host or process\n  return umc(host, func, ...)\nend"),
        BrokenKernel.Patched("callback-arguments-repacked", "PX-USER-CALLBACK-ARGS", "userModeCallback repacks its extra arguments with {...}",
            "local umc = kernel.userModeCallback\n" +
            "kernel.userModeCallback = function(process, func, ...)\n  local args = {...}\n  return umc(process, func, table.unpack(args))\nend"),
    ];
}
