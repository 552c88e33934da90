using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: the values that cross userModeCallback (facts §6): the extra arguments reach the function
/// exactly. (A callback raising a table is left alone: Phoenix 0.0.9 then writes the error to a TTY stderr with
/// "..", which stops the kernel.)</summary>
public sealed class CompatCallbackValueRules
{
    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));

    [Clause("PX-USER-CALLBACK-ARGS")]
    public void CallbackArguments_WithNilHolesAndTrailingNils_ArriveExactly(RuleContext context)
    {
        using var kernel = Boot(context);
        const string program =
            "local seen " +
            "syscall.callmodule('umc', 'run', function(...) seen = table.pack(...) end, 'a', nil, 3, 0.5, nil, nil) " +
            "return seen.n, table.unpack(seen, 1, seen.n)";
        Check.Returns(kernel.Program("alice", program), [6L, "a", global::Phoenix.Values.LuaValue.Nil, 3L, 0.5,
            global::Phoenix.Values.LuaValue.Nil, global::Phoenix.Values.LuaValue.Nil],
            "arguments a callback got for ('a', nil, 3, 0.5, nil, nil): count, values");
    }
}
