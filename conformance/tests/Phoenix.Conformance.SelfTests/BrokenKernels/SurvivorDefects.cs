namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>Broken kernels for the MOD and USER mutants that survived a 300-mutant sample of the kernel's Lua
/// (`./run-mutation.sh --sample 300 --seed 1`, conformance/mutation/README.md): each is the defect a kernel author could make that the mutant stands for, written as
/// such rather than as the mutant's edit, so the rule that caught the mutant is shown to catch the defect too.</summary>
internal static class SurvivorDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        // kernel.lua:22 (n <= 1 became n >= 1).
        BrokenKernel.Patched("expect-names-first-type", "PX-MOD-EXPECT", "expect names only the first of several expected types in its message",
            "local function expect(index, value, ...)\n  local actual = type(value)\n" +
            "  for i = 1, select('#', ...) do if select(i, ...) == actual then return value end end\n" +
            "  error(string.format('bad argument #%d (expected %s, got %s)', index, tostring((...)), actual), 0)\nend\n" +
            "kernel.expect, env.expect = expect, expect"),
        // kernel.lua:41 (options = {} dropped).
        BrokenKernel.Patched("syslog-options-from-any-first", "PX-MOD-SYSLOG", "syslog.log reads options off its first argument whatever it is, so a number there throws",
            "local log = kernel.syslog.log\n" +
            "kernel.syslog.log = function(options, ...)\n" +
            "  if type(options) ~= 'table' then\n    local level = options.level\n    return log({ level = level }, options, ...)\n  end\n" +
            "  return log(options, ...)\nend"),
        // kernel.lua:58 (the level helpers' options branch returned nil).
        BrokenKernel.Patched("syslog-helpers-drop-options", "PX-MOD-SYSLOG", "syslog.debug and the other level helpers log nothing when their first argument is a table",
            "for _, name in ipairs({ 'debug', 'info', 'notice', 'warning', 'error', 'critical', 'panic' }) do\n" +
            "  local helper = kernel.syslog[name]\n" +
            "  kernel.syslog[name] = function(first, ...)\n    if type(first) == 'table' then return end\n    return helper(first, ...)\n  end\nend"),
        // kernel.lua:109 (the "kernel:N: " pattern emptied).
        BrokenKernel.Patched("kernel-positions-kept", "PX-MOD-API-ERRORS", "syscall errors keep their \"kernel:N: \" positions",
            "local traceback = env.debug.traceback\n" +
            "local function handler(e)\n  if type(e) == 'string' then return traceback(e, 2) end\n  return e\nend\n" +
            "kernel.dispatch = function(process, thread, name, ...)\n  local fn = kernel.syscalls[name]\n" +
            "  if fn == nil then return false, 'No such syscall' end\n  return xpcall(fn, handler, process, thread, ...)\nend"),
        // kmod.lua:66 (callmodule's name checked as argument #2).
        BrokenKernel.Patched("callmodule-name-numbered-two", "PX-MOD-ARG-CHECKS", "callmodule reports a name of the wrong type as bad argument #2",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(process, thread, name, ...)\n" +
            "  kernel.expect(2, name, 'string')\n  return callmodule(process, thread, name, ...)\nend"),
        // usermode.lua:102 (steps > MAX_STEPS became steps < MAX_STEPS).
        BrokenKernel.Patched("yielding-syscall-fails", "PX-MOD-API-YIELD", "a syscall runs to its first yield only: one that yields fails, as in Phoenix 0.0.4 and before",
            "kernel.serveSyscall = function(process, thread, name, ...)\n  local co = coroutine.create(kernel.dispatch)\n" +
            "  local r = table.pack(coroutine.resume(co, process, thread, name, kernel.fromUser(...)))\n" +
            "  if r[1] and coroutine.status(co) ~= 'dead' then return false, 'attempt to yield from syscall ' .. tostring(name) end\n" +
            "  if not r[1] then return false, r[2] end\n  return kernel.toUser(table.unpack(r, 2, r.n))\nend"),
        // usermode.lua:162 (the category emptied).
        BrokenKernel.Patched("callback-failure-uncategorised", "PX-USER-CALLBACK-ERROR-LOGGED", "a failing callback is logged at error level but without the category \"Application Error\"",
            "local runThread = kernel.runThread\n" +
            "kernel.userModeCallback = function(process, func, ...)\n" +
            "  local r = table.pack(runThread(process, kernel.newThread(process, '<user mode callback>'), func, ...))\n" +
            "  if not r[1] then kernel.syslog.log({ level = 'error' }, 'User mode callback failed:', tostring(r[2])) end\n" +
            "  return r[1], r[2]\nend"),
        // usermode.lua:140 (process.threads[id] = thread dropped; from the second, hash-ranked sample).
        BrokenKernel.Patched("threads-not-listed", "PX-USER-CALLBACK-THREAD-NAME", "new threads, callback threads included, are not entered in their process's thread table",
            "kernel.newThread = function(process, name)\n  local id = #process.threads + 1\n" +
            "  local thread = { id = id, name = name or ('<thread:' .. id .. '>'), status = 'starting', args = {}, coroStack = {}, paused = false }\n" +
            "  kernel.handles[thread] = true\n  return thread\nend"),
        // usermode.lua:52 (handles inside tables left as they were).
        BrokenKernel.Patched("nested-handles-not-copied", "ADV-USER-HANDLE-COPIES", "only a handle crossing by itself is copied; handles inside tables reach user code as the kernel's tables",
            "local toUser, handles = kernel.toUser, kernel.handles\n" +
            "kernel.toUser = function(...)\n  local values = table.pack(...)\n" +
            "  for i = 1, values.n do\n    if type(values[i]) == 'table' and handles[values[i]] then values[i] = toUser(values[i]) end\n  end\n" +
            "  return table.unpack(values, 1, values.n)\nend"),
        // usermode.lua:58 (a converted table not remembered as its copy).
        BrokenKernel.Patched("shared-table-copied-once", "ADV-USER-HANDLE-COPIES", "a table met a second time on its way to user code is passed as the kernel's own, handles and all",
            "local copyHandle, handles = kernel.toUser, kernel.handles\n" +
            "local function convert(value, seen)\n  if type(value) ~= 'table' then return value end\n" +
            "  if handles[value] then return (copyHandle(value)) end\n  if seen[value] then return value end\n  seen[value] = true\n" +
            "  local copy, changed = {}, false\n" +
            "  for key, entry in pairs(value) do\n    local safe = convert(entry, seen)\n    copy[key] = safe\n    if safe ~= entry then changed = true end\n  end\n" +
            "  if changed then return copy end\n  return value\nend\n" +
            "kernel.toUser = function(...)\n  local values, seen = table.pack(...), {}\n" +
            "  for i = 1, values.n do values[i] = convert(values[i], seen) end\n  return table.unpack(values, 1, values.n)\nend"),
        // usermode.lua:78 (a nested change not noticed).
        BrokenKernel.Patched("nested-metatables-kept", "ADV-USER-FOREIGN-METAMETHODS", "metatables are removed only from tables passed directly, not from tables inside them",
            "kernel.fromUser = function(...)\n  local values = table.pack(...)\n" +
            "  for i = 1, values.n do\n    local value = values[i]\n" +
            "    if type(value) == 'table' and getmetatable(value) ~= nil then\n" +
            "      local copy = {}\n      for key, entry in next, value do copy[key] = entry end\n      values[i] = copy\n    end\n  end\n" +
            "  return table.unpack(values, 1, values.n)\nend"),
    ];
}
