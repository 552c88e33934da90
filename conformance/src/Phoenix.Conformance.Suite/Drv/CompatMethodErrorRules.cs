using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: a driver method's error reaches the devcall caller as raised (Phoenix calls the method directly
/// inside the syscall; facts §1.3, §5.7), whether the device is on a side or behind a wired modem.</summary>
public sealed class CompatMethodErrorRules
{
    [Clause("PX-DRV-METHOD-ERRORS")]
    public void DriverMethodErrors_OfEveryKind_ReachTheCaller_OnSidesAndBehindModems(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/raiser.lua", "raiser")
            .WithPeripherals(PeripheralSpec.Device("left", "raising"), PeripheralSpec.Device("raising_0", "raising").Behind("back"));
        using var kernel = context.Boot(image);
        foreach (var path in new[] { "/left", "/back/raising_0" })
        {
            foreach (var user in new[] { "alice", Modules.Root })
            {
                foreach (var kind in RaisedErrors.Kinds)
                {
                    RaisedErrors.Check(kernel.DevCallAs(user, path, "raise", kind), kind, "raiser", "driver", $"devcall(\"{path}\", \"raise\", \"{kind}\") as {user}");
                }
            }
        }
    }
}
