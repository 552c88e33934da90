using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// The adapter's peripherals (IKernelPeripherals) on Tiny. Tiny has no drivers, so a module reaches CC's peripheral
/// API for the tests: what it saw while the kernel booted, and calls made through callmodule.
/// </summary>
public class TinyPeripheralTests
{
    private static readonly CraftOsAdapter Adapter = new(RepositoryPaths.TinyKernel);

    private const string Probe = """
        local atBoot = { peripheral.getType("left") }
        return {
            atBoot = function() return table.unpack(atBoot) end,
            call = function(process, thread, ...) return peripheral.call(...) end,
        }
        """;

    private static readonly PeripheralSpec Left = PeripheralSpec.Device("left", "mydevice", "alpha")
        .WithMethod("foo", PeripheralMethod.Echo)
        .WithMethod("bad", PeripheralMethod.Fails("boom"));

    private static readonly PeripheralSpec Drive = PeripheralSpec.Device("drive_0", "drive")
        .WithMethod("size", PeripheralMethod.Returns(27)).Behind("back");

    private static IKernel Boot(params PeripheralSpec[] peripherals) =>
        Adapter.Boot(peripherals.Aggregate(BootImage.Empty.WithFile("/lib/modules/probe.lua", Probe), (image, p) => image.WithPeripheral(p)));

    private static SyscallResult Call(IKernel kernel, params LuaValue[] args) =>
        kernel.Syscall("alice", "callmodule", ["probe", "call", .. args]);

    [Test]
    public void BootPeripherals_AreThereWhenTheKernelBoots()
    {
        using var kernel = Boot(Left, Drive);
        var atBoot = kernel.Syscall("root", "callmodule", "probe", "atBoot");
        Assert.That(atBoot.Values, Is.EqualTo(new LuaValue[] { "mydevice", "alpha" }), atBoot.ErrorText);
    }

    [Test]
    public void Calls_ReturnTheScriptedResults_AndTheLogHasTheExactArguments()
    {
        using var kernel = Boot(Left);
        var echo = Call(kernel, "left", "foo", 1L, LuaValue.Nil, "x", 2.5);
        var failed = Call(kernel, "left", "bad");
        Assert.Multiple(() =>
        {
            Assert.That(echo.Values, Is.EqualTo(new LuaValue[] { 1L, LuaValue.Nil, "x", 2.5 }), echo.ErrorText);
            Assert.That(failed.Succeeded, Is.False);
            Assert.That(failed.ErrorFirstLine, Does.EndWith("boom"));
            Assert.That(kernel.ReadPeripheralLog("left"), Is.EqualTo(new[]
            {
                new PeripheralCall("foo", [1L, LuaValue.Nil, "x", 2.5]), new PeripheralCall("bad", []),
            }));
            Assert.That(kernel.ReadPeripheralLog("right"), Is.Empty);
        });
    }

    [Test]
    public void WiredModem_ForwardsRemoteCalls_AndBothLogThem()
    {
        using var kernel = Boot(Drive);
        var size = Call(kernel, "back", "callRemote", "drive_0", "size");
        Assert.Multiple(() =>
        {
            Assert.That(size.Values, Is.EqualTo(new LuaValue[] { 27L }), size.ErrorText);
            Assert.That(kernel.ReadPeripheralLog("back"), Is.EqualTo(new[] { new PeripheralCall("callRemote", ["drive_0", "size"]) }));
            Assert.That(kernel.ReadPeripheralLog("drive_0"), Is.EqualTo(new[] { new PeripheralCall("size", []) }));
        });
    }

    [Test]
    public void AttachAndDetach_ChangeTheBus_AndReturnOnceTheKernelHasTakenTheEvent()
    {
        using var kernel = Boot();
        var computer = ((CraftOsKernel)kernel).Computer;
        kernel.Attach(Drive.Behind("front"));
        Assert.Multiple(() =>
        {
            Assert.That(computer.Events.Count, Is.Zero, "the attach event is still queued");
            Assert.That(computer.Peripherals.Names, Is.EqualTo(new[] { "front", "drive_0" }));
            Assert.That(Call(kernel, "front", "getNamesRemote").Values, Is.EqualTo(new LuaValue[] { new LuaTable(["drive_0"]) }));
        });
        kernel.Detach("front");
        Assert.Multiple(() =>
        {
            Assert.That(computer.Events.Count, Is.Zero, "the detach event is still queued");
            Assert.That(Call(kernel, "front", "getNamesRemote").ErrorFirstLine, Does.EndWith("No peripheral attached"));
            Assert.That(kernel.ReadPeripheralLog("front"), Has.Count.EqualTo(1), "the log outlives the detach");
            Assert.That(() => kernel.Detach("front"), Throws.ArgumentException);
        });
    }
}
