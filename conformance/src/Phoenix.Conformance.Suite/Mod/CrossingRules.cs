using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// The same values and identities at every crossing, not only the first one rules look at: arguments and results
/// between a user program and an API function keep their nil holes and trailing nils (MOD-CALL-ARGS), and callbacks
/// of two different ordinary users, one after the other, each run as their own caller (MOD-USER-CALLBACK).
/// </summary>
public sealed class CrossingRules
{
    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_CalledFromProgramWithNilHolesAndTrailingNils_GetsAndReturnsThemAll(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-CALL-ARGS/handles.lua", "handles"));
        const string program =
            "local r = table.pack(syscall.callmodule('handles', 'echo', nil, 'b', nil, -0.0, nil, nil)) " +
            "return r.n, table.unpack(r, 1, r.n)";
        Check.Returns(kernel.Program("alice", program), [7L, 6L, LuaValue.Nil, "b", LuaValue.Nil, -0.0, LuaValue.Nil, LuaValue.Nil],
            "echo(nil, 'b', nil, -0.0, nil, nil) from alice's program: result count, then (argument count, arguments...)");
    }

    [Clause("MOD-USER-CALLBACK")]
    public void CallbacksOfTwoUsersInTurn_EachRunAsItsOwnCaller(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        const string program =
            "local syscall = syscall " +
            "local pid = syscall.getpid() " +
            "return syscall.callmodule('umc', 'run', function() return syscall.getuser() .. ':' .. tostring(syscall.getpid() == pid) end)";
        foreach (var user in new[] { "alice", "bob", "alice", Modules.Root, "bob" })
        {
            Check.Returns(kernel.Program(user, program), [true, user + ":true"],
                $"a callback of {user}'s program: getuser() and whether getpid() is the program's, inside the callback");
        }
    }
}
