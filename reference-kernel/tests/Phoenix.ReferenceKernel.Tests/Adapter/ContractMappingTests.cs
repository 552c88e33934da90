using Phoenix.ComputerCraft.Peripherals;
using Phoenix.ReferenceKernel.Adapter;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.Values;
using static Phoenix.ReferenceKernel.Adapter.ContractMapping;
using ContractBoot = Phoenix.Conformance.Abstractions.Boot;
using ContractKernel = Phoenix.Conformance.Abstractions.Kernel;
using ContractPeripherals = Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.ReferenceKernel.Tests.Adapter;

/// <summary>
/// <see cref="ContractMapping"/>, the one seam between the contract's types and the kernel's own: nothing is lost or
/// changed on the way, both ways, and the two sides still name the same facts (levels, kinds, sides), so a value added
/// on one side only fails here instead of being mapped wrong.
/// </summary>
public class ContractMappingTests
{
    private static readonly ContractBoot.BootImage Image = ContractBoot.BootImage.Empty
        .WithDirectory("/lib/modules")
        .WithFile("/lib/modules/a.lua", "return 1", owner: "alice", world: "r--",
            permissions: new Dictionary<string, ContractBoot.AccessBits> { ["alice"] = ContractBoot.AccessBits.All, ["bob"] = ContractBoot.AccessBits.Parse("-w-") })
        .WithFile("/bin/raw", [0, 255, 10])
        .WithKernelArgument("init", "/sbin/init.lua")
        .WithPeripheral(ContractPeripherals.PeripheralSpec.Device("left", "speaker", "audio")
            .WithMethod("play", ContractPeripherals.PeripheralMethod.Returns(true, 2L, LuaValue.Nil))
            .WithMethod("echo", ContractPeripherals.PeripheralMethod.Echo)
            .WithMethod("broken", ContractPeripherals.PeripheralMethod.Fails("out of notes")))
        .WithPeripheral(ContractPeripherals.PeripheralSpec.WiredModem("back"))
        .WithPeripheral(ContractPeripherals.PeripheralSpec.Device("printer_0", "printer").Behind("back"))
        .WithPeripheral(ContractPeripherals.PeripheralSpec.WirelessModem("top"));

    [Test]
    public void BootImage_ToKernelAndBack_KeepsEveryFileArgumentAndPeripheral()
    {
        var kernel = ToKernel(Image);
        Assert.Multiple(() =>
        {
            Assert.That(Describe(ToContract(kernel)), Is.EqualTo(Describe(Image)));
            Assert.That(kernel.Entries.Select(e => (e.Path, e.IsDirectory, e.Owner, e.WorldPermissions.ToString())),
                Is.EqualTo(Image.Entries.Select(e => (e.Path, e.IsDirectory, e.Owner, e.WorldPermissions.ToString()))));
            Assert.That(kernel.Peripherals.Select(p => p.ToString()), Is.EqualTo(Image.Peripherals.Select(p => p.ToString())));
        });
    }

    [Test]
    public void BootImage_OnTheKernel_ServesTheMappedFilesAndPeripherals()
    {
        using var kernel = ReferenceKernel.Boot(ToKernel(Image));
        Assert.Multiple(() =>
        {
            Assert.That(kernel.FileSystem.Find("/bin/raw")!.Content, Is.EqualTo(new byte[] { 0, 255, 10 }));
            Assert.That(kernel.FileSystem.Find("/lib/modules/a.lua")!.EffectiveFor("bob").ToString(), Is.EqualTo("-w-"));
            Assert.That(kernel.FileSystem.Find("/lib/modules/a.lua")!.EffectiveFor("carol").ToString(), Is.EqualTo("r--"));
        });
    }

    [Test]
    public void SyscallResult_Success_KeepsItsValues_Failure_KeepsItsErrorValue()
    {
        var values = new LuaValue[] { 1L, "two", LuaValue.Nil };
        var table = new LuaTable([LuaString.From("not a string error")]);
        var ok = ToContract(SyscallResult.Success(values));
        var failed = ToContract(SyscallResult.Failure(table));
        var text = ToContract(SyscallResult.Failure(LuaString.From("first\nsecond")));
        Assert.Multiple(() =>
        {
            Assert.That(ok.Succeeded, Is.True);
            Assert.That(ok.Values, Is.EqualTo(values));
            Assert.That(failed.Succeeded, Is.False);
            Assert.That(failed.ErrorValue, Is.SameAs(table));
            Assert.That(text.ErrorFirstLine, Is.EqualTo("first"));
            Assert.That(text.ErrorText, Is.EqualTo("first\nsecond"));
        });
    }

    [Test]
    public void SyslogEntry_KeepsEveryField()
    {
        var entry = new SyslogEntry(SyslogLevel.Warning, "disk low", "fsmod", "fs") { TimestampMs = 42 };
        var mapped = ToContract(entry);
        Assert.That(mapped, Is.EqualTo(new ContractKernel.SyslogEntry(ContractKernel.SyslogLevel.Warning, "disk low", "fsmod", "fs") { TimestampMs = 42 }));
        Assert.That(mapped.ToString(), Is.EqualTo(entry.ToString()));
    }

    [Test]
    public void EveryEnumValue_MapsToTheOneOfTheSameNameAndNumber_AndBothSidesHaveTheSameValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Enum.GetValues<SyslogLevel>().Select(l => Named(ToContract(l))), Is.EqualTo(Enum.GetValues<SyslogLevel>().Select(Named)));
            Assert.That(Enum.GetNames<ContractKernel.SyslogLevel>(), Is.EqualTo(Enum.GetNames<SyslogLevel>()));
            Assert.That(Enum.GetValues<ContractPeripherals.PeripheralKind>().Select(k => Named(ToContract(ToKernel(k)))), Is.EqualTo(Enum.GetValues<ContractPeripherals.PeripheralKind>().Select(Named)));
            Assert.That(Enum.GetNames<PeripheralKind>(), Is.EqualTo(Enum.GetNames<ContractPeripherals.PeripheralKind>()));
            Assert.That(Enum.GetValues<ContractPeripherals.PeripheralMethodKind>().Select(k => Named(ToContract(ToKernel(k)))), Is.EqualTo(Enum.GetValues<ContractPeripherals.PeripheralMethodKind>().Select(Named)));
            Assert.That(Enum.GetNames<PeripheralMethodKind>(), Is.EqualTo(Enum.GetNames<ContractPeripherals.PeripheralMethodKind>()));
        });
    }

    [Test]
    public void TheSides_AreTheSameOnBothSides()
    {
        Assert.That(PeripheralSpec.Sides, Is.EqualTo(ContractPeripherals.PeripheralSpec.Sides));
    }

    /// <summary>ComputerCraft's layout rules are written on both sides (the contract validates what adapters are
    /// given, the simulation what it is built from): every layout gets the same verdict and message from both.</summary>
    [TestCaseSource(nameof(Layouts))]
    public void LayoutRules_GiveTheSameVerdictAndMessageOnBothSides(ContractPeripherals.PeripheralSpec spec)
    {
        static string? Verdict(Action validate)
        {
            try
            {
                validate();
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }
        Assert.That(Verdict(ToKernel(spec).Validate), Is.EqualTo(Verdict(spec.Validate)));
    }

    private static IEnumerable<TestCaseData> Layouts()
    {
        ContractPeripherals.PeripheralSpec[] specs =
        [
            ContractPeripherals.PeripheralSpec.Device("left", "printer"),
            ContractPeripherals.PeripheralSpec.Device("mydevice_0", "printer"),
            ContractPeripherals.PeripheralSpec.Device("mydevice_0", "printer").Behind("back"),
            ContractPeripherals.PeripheralSpec.Device("left", "printer").Behind("back"),
            ContractPeripherals.PeripheralSpec.Device("mydevice_0", "printer").Behind("nowhere"),
            ContractPeripherals.PeripheralSpec.WiredModem("back"),
            ContractPeripherals.PeripheralSpec.WiredModem("modem_1").Behind("back"),
            ContractPeripherals.PeripheralSpec.WirelessModem("up"),
        ];
        return specs.Select(s => new TestCaseData(s).SetArgDisplayNames(s.ToString()));
    }

    [Test]
    public void PeripheralCall_KeepsMethodAndEveryArgument()
    {
        var args = new LuaValue[] { "x", LuaValue.Nil, LuaValue.Nil };
        var mapped = ToContract(new PeripheralCall("send", args));
        Assert.That(mapped, Is.EqualTo(new ContractPeripherals.PeripheralCall("send", args)));
        Assert.That(mapped.Args, Has.Count.EqualTo(3), "trailing nils count");
    }

    [Test]
    public void Translating_TurnsTheKernelsStopAndBootExceptionsIntoTheContracts_WithTheSameMessage()
    {
        var stopped = new KernelStoppedException("the reference kernel stopped; it last logged: panic");
        var boot = new KernelBootException("could not boot");
        Assert.Multiple(() =>
        {
            Assert.That(() => Translating(() => throw stopped),
                Throws.TypeOf<ContractKernel.KernelStoppedException>().With.Message.EqualTo(stopped.Message).And.InnerException.SameAs(stopped));
            Assert.That(() => Translating(() => throw boot),
                Throws.TypeOf<ContractKernel.KernelBootException>().With.Message.EqualTo(boot.Message).And.InnerException.SameAs(boot));
            Assert.That(() => Translating(() => throw new ArgumentException("no such peripheral")), Throws.ArgumentException, "others pass through");
            Assert.That(Translating(() => 7), Is.EqualTo(7));
        });
    }

    private static string Named<T>(T value) where T : struct, Enum => $"{value}={Convert.ToInt32(value)}";

    private static string Describe(ContractBoot.BootImage image) => string.Join("\n",
        image.Entries.Select(e => $"{e.Path} {e.Owner} {e.WorldPermissions} [{string.Join(",", e.Permissions.Select(p => $"{p.Key}:{p.Value}"))}] {(e.Content is null ? "dir" : Convert.ToHexString(e.Content))}")
            .Concat(image.KernelArguments.Select(a => $"arg {a.Key}={a.Value}"))
            .Concat(image.Peripherals.Select(p => $"{p} [{string.Join(",", p.Methods.Select(m => $"{m.Key}:{m.Value.Kind}({string.Join(" ", m.Value.Values)}){m.Value.ErrorMessage}"))}]")));
}
