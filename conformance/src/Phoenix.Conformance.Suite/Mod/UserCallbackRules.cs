using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-USER-CALLBACK: "The kernel gives modules userModeCallback, which runs a function that came from user
/// mode with user privileges: it cannot reach kernel data." Exercised from real user programs. A callback reaches
/// <c>syscall</c> as an upvalue, never as a global: a kernel may run it in its process's environment rather than the
/// program's (Phoenix 0.0.9 does), and the page leaves that open. Whether a process handle a module passes along
/// is a copy is not the page's letter (it never says the kernel copies arguments): that is ADV-USER-HANDLE-COPIES.</summary>
public sealed class UserCallbackRules
{
    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty
            .WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "late", directory: Modules.Directory + "/manual"));

    [Clause("MOD-USER-CALLBACK")]
    public void CallbackFromUserProgram_Runs_AndItsEffectsAndResultComeBack(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local syscall, seen = syscall, {} " +
            "local ok, v = syscall.callmodule('umc', 'run', function(x) seen[#seen + 1] = x return x * 2 end, 21) " +
            "return ok, v, seen[1]";
        Check.Returns(kernel.Program("alice", program), [true, 42L, 21L], "a program passing function(x) return x * 2 end to a module that runs it with userModeCallback");
    }

    [Clause("MOD-USER-CALLBACK")]
    public void Callback_SeesNoKernelGlobals(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local ok, t = syscall.callmodule('umc', 'run', function() " +
            "  return { type(modules), type(syscalls), type(KERNEL), type(filesystems), type(userModeCallback), type(registerDriver) } end) " +
            "return ok, table.unpack(t)";
        Check.Returns(kernel.Program("alice", program), [true, "nil", "nil", "nil", "nil", "nil", "nil"],
            "types of modules, syscalls, KERNEL, filesystems, userModeCallback, registerDriver inside a callback");
    }

    [Clause("MOD-USER-CALLBACK")]
    public void Callback_WritingGlobals_DoesNotReachKernelData(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "return syscall.callmodule('umc', 'runThenKernelView', function() modules = 'hijacked' syscalls = false KERNEL = 0 end)";
        Check.Returns(kernel.Program("alice", program), [true, "table", "table", "table"],
            "kernel globals seen by the module after a callback assigned modules, syscalls and KERNEL");
    }

    [Clause("MOD-USER-CALLBACK")]
    public void Callback_RunsWithTheCallersPrivileges(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local syscall = syscall " +
            "return syscall.callmodule('umc', 'run', function() " +
            "  local loaded = pcall(syscall.loadmodule, '/lib/modules/manual/late.lua') " +
            "  return syscall.getuser() .. ':' .. tostring(loaded) end)";
        Check.Returns(kernel.Program("alice", program), [true, "alice:false"],
            "getuser and loadmodule from inside a callback run for alice");
        Check.That(!kernel.Answers("late"), "module after the callback's loadmodule", "it not to load", "it loaded");
    }

    [Clause("MOD-USER-CALLBACK")]
    public void CallbackThatErrors_ComesBackAsFalseAndTheError(RuleContext context)
    {
        using var kernel = Boot(context);
        var result = kernel.Program("alice", "return syscall.callmodule('umc', 'run', function() error('callback failed on purpose', 0) end)");
        var values = Check.Succeeds(result, "a program whose callback raises an error");
        Check.Equal(false, values.Count > 0 ? values[0] : LuaValue.Nil, "ok returned by userModeCallback for a failing callback");
        Check.That(values.Count > 1 && values[1] is LuaString s && s.Text.Contains("callback failed on purpose", StringComparison.Ordinal),
            "error returned by userModeCallback", "the callback's error", values.Count > 1 ? values[1].ToString() : "nothing");
    }
}
