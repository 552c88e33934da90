using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>COMPAT: since Phoenix 0.0.5 a syscall runs in a coroutine of its own, so an API function may yield and
/// its caller gets its results once it finishes (facts §1.6, §3.3 step 7).</summary>
public sealed class CompatYieldRules
{
    [Clause("PX-MOD-API-YIELD")]
    public void ApiFunctionThatYields_ReturnsItsResultsWhenItFinishes(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-MOD/yielder.lua", "yielder"));
        Check.Returns(kernel.Program("alice", "return syscall.callmodule('yielder', 'wait', 1, 'after one')"), ["after one", 1L],
            "yielder.wait(1, 'after one') from alice's program: the function yields once, then returns (answer, times)");
        Check.Returns(kernel.Program("alice", "return syscall.callmodule('yielder', 'wait', 25, 'after many')"), ["after many", 25L],
            "yielder.wait(25, 'after many') from alice's program");
    }
}
