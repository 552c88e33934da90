using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: how Phoenix 0.0.9 binds drivers where the page is silent (facts §5.4, §5.5), including how it stops
/// when a driver fails to bind (§10 B5).</summary>
public sealed class CompatBindingRules
{
    [Clause("PX-DRV-REGISTER-NO-RETROBIND")]
    public void DriverRegisteredAfterBoot_SkipsPresentPeripherals_AndBindsLaterOnes(RuleContext context)
    {
        var image = BootImage.Empty.WithRecDrivers(context, bootTypes: [])
            .WithPeripherals(Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "alpha").Behind("back"));
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.CallModule(Modules.Root, "recdrivers", "register", "alpha"), "registerDriver(rec_alpha) after boot");
        foreach (var path in new[] { "/left", "/back/net_0" })
        {
            Check.That(kernel.DriverFor(path, "alpha") is null, $"{path}, present before the registration", "no driver", Devices.Render(kernel.BoundDrivers(path)));
        }
        kernel.Attach(Devices.RecDevice("right", "alpha"));
        kernel.Attach(Devices.RecDevice("net_1", "alpha").Behind("back"));
        foreach (var path in new[] { "/right", "/back/net_1" })
        {
            Check.That(kernel.DriverFor(path, "alpha") == "rec_alpha", $"{path}, attached after the registration", "rec_alpha", Devices.Render(kernel.BoundDrivers(path)));
        }
    }

    [Clause("PX-DRV-METHOD-CLASH")]
    public void SameMethodInTwoDrivers_FirstRegisteredAnswers_AndDevmethodsListsBoth(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-DRV/clash.lua", "clash").WithPeripheral(PeripheralSpec.Device("left", "mydevice")));
        Check.Returns(kernel.DevCall("/left", "who"), ["clash_first"], "devcall(\"/left\", \"who\") with clash_first registered first");
        var methods = Check.Succeeds(kernel.Syscall(Modules.Root, "devmethods", "/left"), "devmethods(\"/left\")");
        var names = methods.Count > 0 && methods[0] is LuaTable t ? t.Array.OfType<LuaString>().Select(s => s.Text).ToArray() : [];
        Check.That(names.Count(n => n == "who") == 2 && names.Contains("onlyFirst") && names.Contains("onlySecond"), "devmethods(\"/left\")",
            "every driver's methods, who twice", string.Join(", ", names));
    }

    [Clause("PX-DRV-VALIDATED-AT-BIND")]
    public void PropertyWithoutGetter_AtBoot_PanicsTheKernel(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/badgetter.lua", "badgetter").WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        Check.Stops(() => context.Boot(image), "bad property 'level' (no getter present)", "boot with badgetter and a mydevice on left");
    }

    [Clause("PX-DRV-VALIDATED-AT-BIND")]
    public void PropertyWithoutGetter_RegistersAfterBoot_AndALaterPeripheralStopsTheKernel(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-DRV/badgetter.lua", "badgetter"));
        Check.That(kernel.Answers("badgetter"), "the module registering a driver whose property has no getter", "loaded (registerDriver does not validate)", "not loaded");
        // After boot the error leaves the event loop; Phoenix's last words are then "init program exited", and the
        // error itself is in the syslog, which stays readable.
        Check.Stops(() => kernel.Attach(PeripheralSpec.Device("left", "mydevice")), "", "attaching a mydevice on left");
        AssertLogged(kernel, "bad property 'level' (no getter present)", "the stop");
    }

    [Clause("PX-DRV-INIT-ERROR-STOPS-KERNEL")]
    public void InitThatThrows_AtBoot_PanicsTheKernel(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-DRV/initfails.lua", "initfails").WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        Check.Stops(() => context.Boot(image), "init exploded", "boot with initfails and a mydevice on left");
    }

    [Clause("PX-DRV-INIT-ERROR-STOPS-KERNEL")]
    public void InitThatThrows_OnAPeripheralAttachedAfterBoot_StopsTheKernel(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "PX-DRV/initfails.lua", "initfails"));
        Check.Returns(kernel.CallModule(Modules.Root, "initfails", "ping"), ["pong"], "callmodule(\"initfails\", \"ping\") before any mydevice");
        Check.Stops(() => kernel.Attach(PeripheralSpec.Device("left", "mydevice")), "", "attaching a mydevice on left");
        AssertLogged(kernel, "init exploded", "the stop");
    }

    [Clause("PX-DRV-REMOVE-REVERSE-ORDER")]
    public void DetachedPeripheral_DeinitsDriversInReverseBindingOrder(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecDrivers(context).WithPeripheral(Devices.RecDevice("left", "gamma", "alpha", "beta")));
        kernel.Detach("left");
        var deinits = kernel.DriverEvents().Where(e => e.Event == "deinit").Select(e => e.Driver).ToArray();
        Check.That(deinits.SequenceEqual(["rec_gamma", "rec_beta", "rec_alpha"]), "deinit order on detach (bound in registration order alpha, beta, gamma)",
            "rec_gamma, rec_beta, rec_alpha", string.Join(", ", deinits));
    }

    [Clause("PX-DRV-REGISTER-LOG")]
    public void Binding_IsLoggedWithTypePathAndDriverName(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"));
        using var kernel = context.Boot(image);
        foreach (var path in new[] { "/left", "/back/mydevice_0" })
        {
            AssertHardwareInfo(kernel, $"Registered device with type mydevice on device {path} using driver mydriver", $"binding mydriver on {path}");
        }
    }

    // hardware.deregister logs each driver it takes off a node; a detach takes every driver off (facts §5.4).
    [Clause("PX-DRV-REGISTER-LOG")]
    public void Unbinding_IsLoggedWithDriverNameAndPath(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithPeripherals(Devices.MyDevice("left"), Devices.MyDevice("mydevice_0").Behind("back"));
        using var kernel = context.Boot(image);
        kernel.Detach("left");
        kernel.Detach("mydevice_0");
        foreach (var path in new[] { "/left", "/back/mydevice_0" })
        {
            AssertHardwareInfo(kernel, $"Driver mydriver has been deregistered from device {path}", $"detaching the mydevice at {path}");
        }
    }

    // Phoenix logs these with options {module = "Hardware"} and no level, so at the default level, info (facts §5.4).
    private static void AssertHardwareInfo(IKernel kernel, string message, string @case)
    {
        var log = kernel.ReadSyslog();
        Check.That(log.Any(e => e.Level == SyslogLevel.Info && e.Module == "Hardware" && e.Message.Contains(message, StringComparison.Ordinal)),
            $"syslog after {@case}", $"an info entry of module Hardware containing \"{message}\"",
            string.Join(" | ", log.Where(e => e.Message.Contains("device", StringComparison.Ordinal)).Select(e => e.ToString())));
    }

    private static void AssertLogged(IKernel kernel, string fragment, string @case, SyslogLevel atLeast = SyslogLevel.Error)
    {
        var log = kernel.ReadSyslog();
        Check.That(log.Any(e => e.Level >= atLeast && e.Message.Contains(fragment, StringComparison.Ordinal)), $"syslog after {@case}",
            $"an entry at {atLeast.ToString().ToLowerInvariant()} level or above containing \"{fragment}\"",
            string.Join(" | ", log.Where(e => e.Level >= atLeast).Select(e => e.ToString())));
    }
}
