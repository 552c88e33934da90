using Phoenix.ReferenceKernel;

namespace Phoenix.Conformance.SelfTests.BrokenKernels;

/// <summary>
/// Broken kernels of the kinds an outside review found the suite letting through: names compared loosely,
/// trust remembered instead of judged, nil holes lost at one crossing only, a caller's identity swapped where only
/// ordinary users notice, built-ins shielded from the writable syscall table, module APIs leaking into it, and
/// listmodules or error values that disagree with the module table. Each is caught by the rules of its clause.
/// </summary>
internal static class ModelDefects
{
    public static IEnumerable<BrokenKernel> All =>
    [
        BrokenKernel.Patched("case-insensitive-module-names", "MOD-CALL-SCOPE", "module names are stored and looked up in lower case",
            "local store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result) store(name:lower(), result) end\n" +
            "for _, syscall in ipairs({'callmodule', 'unloadmodule'}) do\n" +
            "  local original = kernel.syscalls[syscall]\n" +
            "  kernel.syscalls[syscall] = function(process, thread, name, ...)\n" +
            "    if type(name) == 'string' then name = name:lower() end\n" +
            "    return original(process, thread, name, ...)\n  end\nend"),
        BrokenKernel.Patched("module-names-end-at-nul", "MOD-CALL-SCOPE", "callmodule reads the module name up to its first NUL byte, as a C string",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(process, thread, name, ...)\n" +
            "  local nul = type(name) == 'string' and name:find('\\0', 1, true)\n" +
            "  if nul then name = name:sub(1, nul - 1) end\n" +
            "  return callmodule(process, thread, name, ...)\nend"),
        BrokenKernel.Patched("trims-module-names", "MOD-CALL-SCOPE", "callmodule trims spaces around the module name",
            "local callmodule = kernel.syscalls.callmodule\n" +
            "kernel.syscalls.callmodule = function(process, thread, name, ...)\n" +
            "  if type(name) == 'string' then name = name:match('^%s*(.-)%s*$') end\n" +
            "  return callmodule(process, thread, name, ...)\nend"),
        BrokenKernel.Patched("api-functions-as-syscalls", "MOD-CALL-SCOPE", "a module's API functions are also installed as syscalls of the same names",
            "local store = kernel.storeModule\n" +
            "kernel.storeModule = function(name, result)\n  store(name, result)\n" +
            "  if type(result) == 'table' then\n" +
            "    for key, fn in pairs(result) do\n" +
            "      if type(fn) == 'function' and key ~= 'unload' then kernel.syscalls[key] = fn end\n" +
            "    end\n  end\nend"),
        BrokenKernel.Patched("unload-ignores-case", "MOD-UNLOAD", "unloadmodule finds the module whatever the case of the name",
            "local unloadmodule = kernel.syscalls.unloadmodule\n" +
            "kernel.syscalls.unloadmodule = function(process, thread, name)\n" +
            "  for key in pairs(kernel.modules) do\n" +
            "    if type(name) == 'string' and key:lower() == name:lower() then name = key break end\n" +
            "  end\n  return unloadmodule(process, thread, name)\nend"),
        new("trust-remembered-owner", "MOD-OWNER", "a module file vetted once is trusted after chown gives it to a user",
            new KernelOptions { ModulePolicy = new TrustCaches.RemembersTrusted() }),
        new("trust-remembered-mode", "MOD-WORLD-WRITABLE", "a module file vetted once is trusted after chmod makes it world-writable",
            new KernelOptions { ModulePolicy = new TrustCaches.RemembersTrusted() }),
        new("refusal-remembered", "MOD-WORLD-WRITABLE", "a module file refused once stays refused after it was made safe",
            new KernelOptions { ModulePolicy = new TrustCaches.RemembersRefused() }),
        BrokenKernel.Patched("program-arguments-repacked", "MOD-CALL-ARGS", "syscall arguments from user programs are repacked with {...}",
            "local serve = kernel.serveSyscall\n" +
            "kernel.serveSyscall = function(process, thread, name, ...)\n" +
            "  local args = {...}\n  return serve(process, thread, name, table.unpack(args))\nend"),
        BrokenKernel.Patched("program-results-repacked", "MOD-CALL-ARGS", "syscall results to user programs are repacked with {...}",
            "local serve = kernel.serveSyscall\n" +
            "kernel.serveSyscall = function(...)\n  local results = { serve(...) }\n  return table.unpack(results)\nend"),
        BrokenKernel.Patched("built-ins-restored-before-dispatch", "MOD-SYSCALL-TABLE", "the kernel puts its own built-in syscalls back before every dispatch",
            "local builtins = {}\n" +
            "for name, fn in pairs(kernel.syscalls) do builtins[name] = fn end\n" +
            "local dispatch = kernel.dispatch\n" +
            "kernel.dispatch = function(process, thread, name, ...)\n" +
            "  if builtins[name] then kernel.syscalls[name] = builtins[name] end\n" +
            "  return dispatch(process, thread, name, ...)\nend"),
    ];
}
