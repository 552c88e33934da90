using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// MOD-CALL-ARGS over generated callers: root and ordinary users take turns in one boot, through the syscall seam and
/// from user programs, each with generated arguments. Every call must reach the API function with that caller's
/// process (its user; its id is what getpid says), a thread handle that is not the process, and exactly the arguments
/// given; the function's results come back exactly.
/// </summary>
public sealed class CallerProperties
{
    private const string Program =
        "local pid = syscall.getpid() return pid, syscall.callmodule('probe', 'describe', ...)";

    [Clause("MOD-CALL-ARGS")]
    public void GeneratedCallersAndArguments_EachCallSeesItsCallerAndExactlyItsArguments(RuleContext context)
    {
        var source = ModuleTableSession.Source(context.Fixture("MOD-MODEL/probe.lua"), "probe", ModelModuleKind.ApiOnly);
        PropertyCheck.ForAll(context, CallerGenerators.Steps(programsOnly: false), steps =>
        {
            using var kernel = context.Boot(BootImage.Empty.WithFile(Modules.Directory + "/probe.lua", source));
            var pids = new Dictionary<string, LuaValue>(StringComparer.Ordinal);
            foreach (var step in steps) Call(kernel, pids, step);
        }, cases: 12);
    }

    private static void Call(IKernel kernel, Dictionary<string, LuaValue> pids, CallerStep step)
    {
        var @case = $"describe by {step}";
        if (step.FromProgram)
        {
            var values = Check.Succeeds(kernel.Program(step.User, Program, step.Args), @case);
            var pid = values.Count > 0 ? values[0] : LuaValue.Nil;
            Check.Returns(SyscallResult.Success(values.Skip(1).ToArray()), Expected(step, pid), @case + ": (user, process id, thread type, thread is process, count, arguments...)");
            return;
        }
        if (!pids.TryGetValue(step.User, out var known))
        {
            var got = Check.Succeeds(kernel.Syscall(step.User, "getpid"), $"getpid as {step.User}");
            pids[step.User] = known = got.Count > 0 ? got[0] : LuaValue.Nil;
        }
        Check.Returns(kernel.CallModule(step.User, "probe", "describe", step.Args), Expected(step, known),
            @case + ": (user, process id, thread type, thread is process, count, arguments...)");
    }

    private static LuaValue[] Expected(CallerStep step, LuaValue pid) =>
        [step.User, pid, "table", false, (long)step.Args.Length, .. step.Args];
}
