namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for userModeCallback of the kinds an outside review listed: one process reused for every callback
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
        BrokenKernel.Patched("callback-records-dropped", "PX-USER-CALLBACK-ARGS", "callback arguments that hold kernel handles are replaced by empty tables",
            "local umc, handles = kernel.userModeCallback, kernel.handles\n" +
            "kernel.userModeCallback = function(process, func, ...)\n  local args = table.pack(...)\n" +
            "  for i = 1, args.n do\n    local a = args[i]\n" +
            "    if type(a) == 'table' and not handles[a] then\n" +
            "      for _, v in pairs(a) do if type(v) == 'table' and handles[v] then args[i] = {} break end end\n    end\n  end\n" +
            "  return umc(process, func, table.unpack(args, 1, args.n))\nend"),
        // From surviving mutants of usermode.lua.
        BrokenKernel.Patched("silent-callback-failures", "PX-USER-CALLBACK-ERROR-LOGGED", "a failing callback is reported to the module but not logged",
            "local runThread = kernel.runThread\n" +
            "kernel.userModeCallback = function(process, func, ...)\n" +
            "  local r = table.pack(runThread(process, kernel.newThread(process, '<user mode callback>'), func, ...))\n" +
            "  return r[1], r[2]\nend"),
        BrokenKernel.Patched("program-start-arguments-repacked", "MOD-CALL-ARGS", "a user program's start arguments are repacked with {...}",
            "local runProgram = kernel.runProgram\n" +
            "kernel.runProgram = function(process, chunk, ...) return runProgram(process, chunk, table.unpack({...})) end"),
        BrokenKernel.Patched("nested-handle-records-emptied", "MOD-CALL-ARGS", "a table holding handles reaches user code as an empty table",
            "local toUser = kernel.toUser\nlocal handles = kernel.handles\n" +
            "local function holdsHandle(t)\n  for _, v in pairs(t) do if type(v) == 'table' and handles[v] then return true end end\n  return false\nend\n" +
            "kernel.toUser = function(...)\n  local inputs, values = table.pack(...), table.pack(toUser(...))\n" +
            "  for i = 1, values.n do\n    local v = inputs[i]\n    if type(v) == 'table' and not handles[v] and holdsHandle(v) then values[i] = {} end\n  end\n" +
            "  return table.unpack(values, 1, values.n)\nend"),
    ];
}
