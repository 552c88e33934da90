using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: Phoenix 0.0.9's user mode and userModeCallback details (facts §6, §7).</summary>
public sealed class CompatUserRules
{
    [Clause("PX-USER-ENVIRONMENT")]
    public void UserProgram_SeesNoKernelGlobals_AndCannotReplaceThem(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-AUTOLOAD/autoload.lua", "autoload"));
        Check.Returns(kernel.Program("alice", "return type(modules), type(syscalls), type(KERNEL), type(filesystems), type(processes)"),
            ["nil", "nil", "nil", "nil", "nil"], "kernel globals seen by a user program");
        Check.Succeeds(kernel.Program("alice", "modules = {} syscalls = {} return true"), "a program assigning modules and syscalls");
        Check.That(kernel.Answers("autoload"), "callmodule after a program assigned globals named modules and syscalls",
            "the kernel's modules to be untouched", "the module no longer answers");
    }

    [Clause("PX-USER-CALLBACK-FIRST-VALUE")]
    public void Callback_ReturnsOnlyItsFirstResult(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        Check.Returns(kernel.Program("alice", "return syscall.callmodule('umc', 'run', function() return 1, 2, 3 end)"), [true, 1L],
            "userModeCallback of a function returning 1, 2, 3");
    }

    [Clause("PX-USER-CALLBACK-THREAD-NAME")]
    public void Callback_RunsAsThreadNamedUserModeCallback(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        // Asked from inside the callback: a kernel may drop a thread's entry once it has finished (Phoenix does).
        Check.Returns(kernel.Program("alice", "local syscall = syscall return syscall.callmodule('umc', 'run', function() return syscall.callmodule('umc', 'threadName') end)"),
            [true, "<user mode callback>"], "name of the thread a callback runs as, asked from inside the callback");
    }

    /// <summary>"A new thread of the process" (facts §6, §7: threads maps id to Thread): the thread a callback runs
    /// as is listed in its process under its id, as every thread is.</summary>
    [Clause("PX-USER-CALLBACK-THREAD-NAME")]
    public void Callback_RunsAsAThreadListedInItsProcess(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        Check.Returns(kernel.Program("alice", "local syscall = syscall return syscall.callmodule('umc', 'run', function() return syscall.callmodule('umc', 'threadListed') end)"),
            [true, true], "whether process.threads[thread.id] is the thread a callback runs as, asked from inside the callback");
    }

    /// <summary>newthread numbers a thread #process.threads + 1 (facts §6, §7), so a callback is thread n + 1 when its
    /// process lists n threads, and one started inside it, while it still runs, n + 2. How many threads a program's
    /// process has before (its main thread 0, others) is the adapter's affair, so n is asked first.</summary>
    [Clause("PX-USER-CALLBACK-THREAD-NAME")]
    public void Callback_RunsAsTheNextThreadId(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        const string program =
            "local syscall = syscall " +
            "local n = syscall.callmodule('umc', 'threadCount') " +
            "local ok, ids = syscall.callmodule('umc', 'run', function() " +
            "  local own = syscall.callmodule('umc', 'threadId') " +
            "  local _, inner = syscall.callmodule('umc', 'run', function() return syscall.callmodule('umc', 'threadId') end) " +
            "  return { own - n, inner - n } end) " +
            "return ok, ids[1], ids[2]";
        Check.Returns(kernel.Program("alice", program), [true, 1L, 2L],
            "ids of a callback thread and of one started inside it, each minus n, the length of the process's threads list before");
    }

    /// <summary>The scheduler marks a finished thread "dead", and one that raised also did_error (facts §6, §7), which
    /// is what userModeCallback's result is made of; a module holding the callback's thread sees both.</summary>
    [Clause("PX-USER-CALLBACK-THREAD-NAME")]
    public void CallbackThread_WhenFinished_IsDead_AndMarkedDidErrorOnlyIfItRaised(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        foreach (var (body, expected, what) in new[] { ("return 1", false, "returns"), ("error('no')", true, "raises") })
        {
            var program = $"local syscall = syscall return syscall.callmodule('umc', 'runThenThreadState', function() syscall.callmodule('umc', 'saveThread') {body} end)";
            Check.Returns(kernel.Program("alice", program), [!expected, "dead", expected],
                $"umc.runThenThreadState with a callback that {what}: (ok, the callback thread's status, did_error == true) afterwards");
        }
    }

    [Clause("PX-USER-CALLBACK-AT-BOOT")]
    public void CallbackAtBoot_IsRefused_AndRunsNothing(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithWitness(context).WithModule(context, "PX-USER/boot_callback.lua", "boot_callback"));
        Check.Returns(kernel.Witness("bootCallbackOk"), [false], "userModeCallback's success when called during boot");
        Check.Returns(kernel.Witness("bootCallbackErrorType"), ["string"], "type of the error userModeCallback raised during boot");
        Check.Returns(kernel.Witness("ranAtBoot"), [LuaValue.Nil], "whether the boot-time callback ran");
    }

    // Phoenix's userModeCallback makes a thread in the process it is given (facts §6): KERNEL has no threads table
    // (§7) and a string none either, so the call fails with an error message before anything runs.
    [Clause("PX-USER-CALLBACK-AT-BOOT")]
    public void CallbackForSomethingNotAUserProcess_IsRefused_AndRunsNothing(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        Check.Returns(kernel.CallModule("alice", "umc", "runAsNonProcess"), [false, false, "string", false, "string"],
            "umc.runAsNonProcess: whether a callback ran, then (success, type of the error) of userModeCallback(KERNEL, f) and of userModeCallback(\"alice\", f)");
    }
}
