namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the mutants that survived the first 400 of the seed-1 sample
/// (`./run-mutation.sh --sample 400 --seed 1`, conformance/mutation/README.md) until MOD-CALL-ARGS's program rule for
/// both call forms, and the extended PX-USER-CALLBACK-THREAD-NAME, PX-DRV-REGISTER-LOG, PX-FS-MOUNT-ERRORS,
/// PX-FS-TYPE-ERRORS and ADV-USER-HANDLE-COPIES: each is the defect a kernel author could make that the mutant
/// stands for, so the rule that kills the mutant is shown to catch the defect.</summary>
internal static class SampleSurvivorDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        // usermode.lua:27 (syscall(name, ...) repacked its arguments through {...}).
        BrokenKernel.Patched("call-form-loses-holes", "MOD-CALL-ARGS", "a program's syscall(name, ...) drops nil holes and trailing nils; syscall.name(...) keeps them",
            "local library = kernel.syscallLibrary\nkernel.syscallLibrary = function()\n  local lib = library()\n" +
            "  local meta = getmetatable(lib)\n  local call = meta.__call\n" +
            "  meta.__call = function(self, name, ...) return call(self, name, table.unpack({ ... })) end\n  return lib\nend"),
        // usermode.lua:143 (a new thread numbered #threads + 2).
        BrokenKernel.Patched("thread-ids-skip-one", "PX-USER-CALLBACK-THREAD-NAME", "a new thread is numbered #process.threads + 2, so callback threads skip an id",
            "kernel.newThread = function(process, name)\n  local id = #process.threads + 2\n" +
            "  local thread = { id = id, name = name or ('<thread:' .. id .. '>'), status = 'starting', args = {}, coroStack = {}, paused = false }\n" +
            "  process.threads[id] = thread\n  kernel.handles[thread] = true\n  return thread\nend"),
        // usermode.lua:123 (a thread that raised marked did_error = false; 401-600 of the sample).
        BrokenKernel.Patched("failed-thread-not-marked", "PX-USER-CALLBACK-THREAD-NAME", "a thread that raised is not marked did_error",
            "local runThread = kernel.runThread\nkernel.runThread = function(process, thread, fn, ...)\n" +
            "  local r = table.pack(runThread(process, thread, fn, ...))\n  thread.did_error = nil\n  return table.unpack(r, 1, r.n)\nend"),
        // Not a mutant: the defect the refusals of usermode.lua:159-161 guard against (the rule checks it).
        BrokenKernel.Patched("callback-for-kernel-runs", "PX-USER-CALLBACK-AT-BOOT", "userModeCallback given KERNEL or another non-process runs the function anyway, in kernel context",
            "local run = kernel.userModeCallback\nkernel.userModeCallback = function(process, func, ...)\n" +
            "  if type(process) ~= 'table' or type(process.threads) ~= 'table' then return pcall(func, ...) end\n" +
            "  return run(process, func, ...)\nend"),
        // kernel.lua:96 (a process not marked as a handle, so user code gets a shallow copy).
        BrokenKernel.Patched("process-copy-shallow", "ADV-USER-HANDLE-COPIES", "a process handle reaching user code is a shallow copy that still holds the kernel's own tables (queues, hooks, vars)",
            "local new = kernel.newProcess\nkernel.newProcess = function(...)\n  local process, thread = new(...)\n" +
            "  kernel.handles[process] = nil\n  return process, thread\nend"),
        // devices.lua:186 (the binding's entry logged at another level).
        BrokenKernel.Patched("binding-logged-at-debug", "PX-DRV-REGISTER-LOG", "a binding is logged at debug level without the Hardware module",
            Relog("^Registered device ", "{ level = 'debug' }")),
        // devices.lua:202 (the unbinding's entry without its module).
        BrokenKernel.Patched("unbinding-logged-without-module", "PX-DRV-REGISTER-LOG", "an unbinding is logged at info level but without the Hardware module",
            Relog("^Driver .* has been deregistered from device ", "{}")),
        // fs.lua:100 (the "Could not mount to" part emptied).
        BrokenKernel.Patched("mount-on-file-bare-message", "PX-FS-MOUNT-ERRORS", "mounting onto a file fails with \"<dest>: Not a directory\", without \"Could not mount to\"",
            "local mount = kernel.syscalls.mount\nkernel.syscalls.mount = function(...)\n  local r = table.pack(pcall(mount, ...))\n" +
            "  if r[1] then return table.unpack(r, 2, r.n) end\n  local e = r[2]\n" +
            "  if type(e) == 'string' then e = e:gsub('^Could not mount to (.-: Not a directory)', '%1') end\n  error(e, 0)\nend"),
        // fs-dispatch.lua:101 (the mode's types named in another order).
        BrokenKernel.Patched("chmod-mode-types-reordered", "PX-FS-TYPE-ERRORS", "chmod's mode type error reads \"expected string, number, or table\"",
            "local chmod = kernel.syscalls.chmod\nkernel.syscalls.chmod = function(process, thread, path, user, mode)\n" +
            "  if type(path) == 'string' and (user == nil or type(user) == 'string') then kernel.expect(3, mode, 'string', 'number', 'table') end\n" +
            "  return chmod(process, thread, path, user, mode)\nend"),
        // tmpfs.lua:46 (write appended every argument; 401-600 of the sample): Phoenix's handles write the first only.
        BrokenKernel.Patched("write-takes-every-value", "PX-FS-FILE-HANDLES", "a file handle's write appends every argument it is given, not only the first",
            "local open = kernel.syscalls.open\nkernel.syscalls.open = function(...)\n  local r = table.pack(open(...))\n" +
            "  local h = r[1]\n  if type(h) == 'table' and type(h.write) == 'function' then\n" +
            "    local write = h.write\n    h.write = function(...) for i = 1, select('#', ...) do write((select(i, ...))) end end\n  end\n" +
            "  return table.unpack(r, 1, r.n)\nend"),
    ];

    // Logs entries whose message matches the pattern with other options instead.
    private static string Relog(string pattern, string options) =>
        "local log = kernel.syslog.log\nkernel.syslog.log = function(options, first, ...)\n" +
        $"  if type(first) == 'string' and first:find('{pattern}') then return log({options}, first, ...) end\n" +
        "  return log(options, first, ...)\nend";
}
