using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Advisory;

/// <summary>
/// ADV-USER-HANDLE-COPIES serves "… otherwise, the function may be able to access kernel data without being properly
/// privileged." The page lets modules pass handles to user code and never says the kernel copies them; but a handle
/// that is the kernel's own process table lets user code rewrite its own privileges. A module hands alice her
/// process handle (fixtures/ADV-USER/handout.lua); she sets user = "root" on it and tries loadmodule.
/// </summary>
public sealed class HandleRules
{
    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty
            .WithModule(context, "ADV-USER/handout.lua", "handout")
            .WithModule(context, "MOD-AUTOLOAD/autoload.lua", "late", directory: Modules.Directory + "/manual"));

    [Clause("ADV-USER-HANDLE-COPIES")]
    public void Callback_GivenItsProcessHandle_CannotRaiseItsPrivileges(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local syscall = syscall " +
            "local ok, loaded = syscall.callmodule('handout', 'runWithProcess', function(p) " +
            "  p.user = 'root' return (pcall(syscall.loadmodule, '/lib/modules/manual/late.lua')) end) " +
            "return ok, loaded, syscall.getuser()";
        var result = kernel.Program("alice", program);
        Check.That(!kernel.Answers("late"),
            "attack: (1) alice passes handout.runWithProcess a function; (2) the module runs it with userModeCallback(process, f, process); " +
            "(3) the function sets user = \"root\" on the handle it got and calls loadmodule(\"/lib/modules/manual/late.lua\")",
            "late not to load (the handle is a copy)", $"it loaded; the program returned {result}");
        Check.Returns(result, [true, false, "alice"], "that program: (ok, loadmodule succeeded, getuser afterwards)");
    }

    [Clause("ADV-USER-HANDLE-COPIES")]
    public void ProcessHandleReturnedByAModule_CannotRaiseItsPrivileges(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local p = syscall.callmodule('handout', 'returnProcess') " +
            "if type(p) == 'table' then p.user = 'root' end " +
            "return (pcall(syscall.loadmodule, '/lib/modules/manual/late.lua')), syscall.getuser()";
        var result = kernel.Program("alice", program);
        Check.That(!kernel.Answers("late"),
            "attack: (1) alice calls handout.returnProcess, which returns the process handle it was given; (2) she sets user = \"root\" on it; " +
            "(3) she calls loadmodule(\"/lib/modules/manual/late.lua\")",
            "late not to load (the handle is a copy)", $"it loaded; the program returned {result}");
        Check.Returns(result, [false, "alice"], "that program: (loadmodule succeeded, getuser afterwards)");
    }

    /// <summary>A copy that holds the kernel's own tables (the process's threads, event queue, signal handlers, gc
    /// hooks) still lets user code write kernel state, one level down: every table reached through the handle must be
    /// the copy's own. The program's environment is left out: it is the program's own globals.</summary>
    [Clause("ADV-USER-HANDLE-COPIES")]
    public void ProcessHandleReturnedByAModule_LeadsToNoTableOfTheKernelsProcess(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local p = syscall.callmodule('handout', 'returnProcess') " +
            "if type(p) == 'table' then for k, v in pairs(p) do if k ~= 'env' and type(v) == 'table' then v.conformanceMark = true end end end " +
            "return syscall.callmodule('handout', 'marked')";
        Check.Returns(kernel.Program("alice", program), [false],
            "attack: (1) alice calls handout.returnProcess, which returns the process handle it was given; (2) she writes a mark into every table " +
            "the handle holds (env, her own globals, aside); (3) handout.marked names the first table of her kernel process that carries the mark");
    }

    /// <summary>A handle inside a table is as much a handle as one returned alone, and one table may reach user code
    /// by two paths: every path must lead to a copy.</summary>
    [Clause("ADV-USER-HANDLE-COPIES")]
    public void ProcessHandleInsideARecordHeldTwice_CannotRaiseItsPrivileges(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local r = syscall.callmodule('handout', 'returnRecords') " +
            "for _, key in ipairs({ 'first', 'second' }) do " +
            "  if type(r) == 'table' and type(r[key]) == 'table' and type(r[key].owner) == 'table' then r[key].owner.user = 'root' end " +
            "end " +
            "return (pcall(syscall.loadmodule, '/lib/modules/manual/late.lua')), syscall.getuser()";
        var result = kernel.Program("alice", program);
        Check.That(!kernel.Answers("late"),
            "attack: (1) alice calls handout.returnRecords, which returns { first = record, second = record } with record = { owner = her process handle }; " +
            "(2) she sets user = \"root\" on first.owner and on second.owner; (3) she calls loadmodule(\"/lib/modules/manual/late.lua\")",
            "late not to load (both paths lead to copies)", $"it loaded; the program returned {result}");
        Check.Returns(result, [false, "alice"], "that program: (loadmodule succeeded, getuser afterwards)");
    }
}
