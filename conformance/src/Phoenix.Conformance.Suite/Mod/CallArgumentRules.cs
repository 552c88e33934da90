using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-CALL-ARGS: "The function will receive the current process and thread handles as the first two
/// arguments, followed by the extra arguments passed to callmodule", and its results come back.</summary>
public sealed class CallArgumentRules
{
    private static BootImage Image(RuleContext context) =>
        BootImage.Empty.WithModule(context, "MOD-CALL-ARGS/handles.lua", "handles");

    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_FirstArgument_IsCallersProcess(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        foreach (var user in new[] { "alice", "root" })
        {
            var described = Check.Succeeds(kernel.CallModule(user, "handles", "describe"), $"describe() as {user}", atLeast: 3);
            Check.Equal("table", described[0], $"type of the first argument (as {user})");
            Check.Equal(user, described[2], $"process.user of the first argument (as {user})");
            var pid = Check.Succeeds(kernel.Syscall(user, "getpid"), $"getpid as {user}");
            Check.Equal(pid.Count > 0 ? pid[0] : LuaValue.Nil, described[1], $"process.id of the first argument vs getpid (as {user})");
        }
    }

    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_SecondArgument_IsCallersThread(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        var described = Check.Succeeds(kernel.CallModule("alice", "handles", "describe"), "describe() as alice", atLeast: 6);
        Check.Equal("table", described[3], "type of the second argument (the thread handle)");
        Check.Equal(false, described[4], "second argument is the process table itself");
        Check.That(described[5] is LuaInteger or LuaFloat, "thread.id of the second argument", "a number", described[5].ToString());
    }

    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_ExtraArguments_ArriveExactlyAndInOrder(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        // A nil hole and a trailing nil: the count must be exact, not shortened at the first nil.
        LuaValue[] args = ["first", LuaValue.Nil, 3L, 4.0, LuaValue.Nil];
        Check.Returns(kernel.CallModule("alice", "handles", "echo", args), [5L, .. args], "echo(\"first\", nil, 3, 4.0, nil)");
        Check.Returns(kernel.CallModule("alice", "handles", "echo"), [0L], "echo() with no extra arguments");
    }

    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_OverGeneratedArgumentLists_ReceivesAndReturnsThemUnchanged(RuleContext context)
    {
        using var kernel = context.Boot(Image(context));
        PropertyCheck.ForAll(context, LuaValueGenerators.ArgumentListArbitrary, args =>
            Check.Returns(kernel.CallModule("alice", "handles", "echo", args), [(long)args.Length, .. args],
                $"echo({string.Join(", ", args.Select(a => a.ToString()))})"), cases: 200);
    }
}
