using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// userModeCallback over generated callers: programs of root and ordinary users take turns in one boot, each passing
/// a callback and generated arguments to a module that runs it with userModeCallback. The callback reports who it
/// runs as and whether it runs in the calling program's process (MOD-USER-CALLBACK), and keeps the arguments it got
/// (PX-USER-CALLBACK-ARGS). One property per clause over the same program.
/// </summary>
public sealed class CallbackProperties
{
    private const string Program =
        "local syscall, pack, unpack = syscall, table.pack, table.unpack " +
        "local pid, seen = syscall.getpid(), nil " +
        "local ok, who = syscall.callmodule('umc', 'run', function(...) " +
        "  seen = pack(...) return syscall.getuser() .. ':' .. tostring(syscall.getpid() == pid) end, ...) " +
        "return ok, who, seen and seen.n or -1, unpack(seen or {}, 1, seen and seen.n or 0)";

    [Clause("MOD-USER-CALLBACK")]
    public void GeneratedCallers_EachCallbackRunsAsItsCallerInItsProcess(RuleContext context) =>
        Run(context, (step, values) => Check.Equal(step.User + ":true", values.Count > 1 ? values[1] : LuaValue.Nil,
            $"callback of {step}: getuser() and whether getpid() is the program's, inside the callback"));

    [Clause("PX-USER-CALLBACK-ARGS")]
    public void GeneratedArguments_ReachTheCallbackExactly(RuleContext context) =>
        Run(context, (step, values) => Check.That(values.Skip(2).SequenceEqual([(long)step.Args.Length, .. step.Args]),
            $"arguments the callback of {step} received (count, values...)",
            $"({step.Args.Length}, {string.Join(", ", step.Args.Select(a => a.ToString()))})", $"({string.Join(", ", values.Skip(2))})"));

    private static void Run(RuleContext context, Action<CallerStep, IReadOnlyList<LuaValue>> check) =>
        PropertyCheck.ForAll(context, CallerGenerators.Steps(programsOnly: true), steps =>
        {
            using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
            foreach (var step in steps)
            {
                var values = Check.Succeeds(kernel.Program(step.User, Program, step.Args), $"program of {step}");
                Check.Equal(true, values.Count > 0 ? values[0] : LuaValue.Nil, $"userModeCallback's success for {step}");
                check(step, values);
            }
        }, cases: 10);
}
