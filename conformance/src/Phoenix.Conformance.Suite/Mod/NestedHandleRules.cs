using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>
/// Tables that hold handles beside plain values, crossing to user mode: an API function's result (MOD-CALL-ARGS:
/// "its return values come back to the caller") and a callback's argument (PX-USER-CALLBACK-ARGS). Whatever a kernel
/// does about the handles inside (copies them, as the reference kernel does, or passes its own tables, as Phoenix
/// does), the plain values beside them must arrive.
/// </summary>
public sealed class NestedHandleRules
{
    [Clause("MOD-CALL-ARGS")]
    public void ResultTableHoldingHandles_ReachesTheProgramWithItsValues(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-CALL-ARGS/handles.lua", "handles"));
        const string program =
            "local t = syscall.callmodule('handles', 'wrapped', 'x') " +
            "return type(t), t.tag, type(t.process), t.process and t.process.user, type(t.thread), t.list and t.list[2], type(t.list and t.list[1])";
        Check.Returns(kernel.Program("alice", program), ["table", "x", "table", "alice", "table", "x", "table"],
            "the table { tag, process, thread, list = { process, tag } } an API function returned to alice's program");
    }

    [Clause("PX-USER-CALLBACK-ARGS")]
    public void CallbackArgumentHoldingAHandle_ArrivesWithItsValues(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-USER-CALLBACK/umc.lua", "umc"));
        const string program =
            "return syscall.callmodule('umc', 'runWithRecord', function(r) return r.tag .. ':' .. type(r.process) .. ':' .. tostring(r.process.user) end, 'x')";
        Check.Returns(kernel.Program("alice", program), [true, "x:table:alice"], "the record { tag, process } a callback of alice's program received");
    }
}
