namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for user mode: MOD-USER-CALLBACK and the PX-USER COMPAT clauses.</summary>
internal static class UserDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("callbacks-in-kernel-space", "MOD-USER-CALLBACK", "callbacks run inline in the module's syscall, not as a thread of the user's process",
            "kernel.userModeCallback = function(process, func, ...)\n  local r = table.pack(pcall(func, ...))\n  return r[1], r[2]\nend"),
        BrokenKernel.Patched("callbacks-as-kernel", "MOD-USER-CALLBACK", "callbacks run as a thread of the KERNEL process",
            "local umc = kernel.userModeCallback\nkernel.userModeCallback = function(process, func, ...)\n" +
            "  local root = { id = 0, user = 'root', threads = {}, env = process.env, dir = '/', root = '/' }\n  return umc(root, func, ...)\nend"),
        BrokenKernel.Patched("drops-callback-errors", "MOD-USER-CALLBACK", "a failing callback reports success",
            "local umc = kernel.userModeCallback\nkernel.userModeCallback = function(...)\n  local ok, value = umc(...)\n" +
            "  if not ok then return true, nil end\n  return ok, value\nend"),
        BrokenKernel.Patched("skips-callbacks", "MOD-USER-CALLBACK", "userModeCallback reports success without running the function",
            "kernel.userModeCallback = function() return true, nil end"),
        BrokenKernel.Patched("callbacks-see-kernel-globals", "MOD-USER-CALLBACK", "user functions, callbacks included, run with the kernel's globals",
            "kernel.newUserEnv = function()\n  env.syscall = kernel.syscallLibrary()\n  return env\nend"),
        BrokenKernel.Patched("kernel-env-for-programs", "PX-USER-ENVIRONMENT", "user programs share the kernel's global environment",
            "kernel.newUserEnv = function()\n  env.syscall = kernel.syscallLibrary()\n  return env\nend"),
        BrokenKernel.Patched("all-callback-results", "PX-USER-CALLBACK-FIRST-VALUE", "userModeCallback returns every result of the callback",
            "local runThread = kernel.runThread\nkernel.userModeCallback = function(process, func, ...)\n" +
            "  return runThread(process, kernel.newThread(process, '<user mode callback>'), func, ...)\nend"),
        BrokenKernel.Patched("unnamed-callback-threads", "PX-USER-CALLBACK-THREAD-NAME", "callback threads get the ordinary thread name",
            "local newThread = kernel.newThread\nkernel.newThread = function(process) return newThread(process) end"),
        BrokenKernel.Patched("callbacks-at-boot", "PX-USER-CALLBACK-AT-BOOT", "userModeCallback at boot runs the function inline",
            "local umc = kernel.userModeCallback\nkernel.userModeCallback = function(process, func, ...)\n" +
            "  if kernel.booting then return pcall(func, ...) end\n  return umc(process, func, ...)\nend"),
    ];
}
