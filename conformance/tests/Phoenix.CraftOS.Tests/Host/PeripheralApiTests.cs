using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>CC's native peripheral API over the shared simulation: sides only, several types, scripted and modem
/// methods, exact call logs, errors in the caller, wired modems' remote calls, and hot-plug events.</summary>
public class PeripheralApiTests
{
    private static readonly PeripheralSpec[] Layout =
    [
        PeripheralSpec.Device("left", "speaker", "audio")
            .WithMethod("foo", PeripheralMethod.Echo)
            .WithMethod("bad", PeripheralMethod.Fails("boom")),
        PeripheralSpec.Device("drive_0", "drive", "inventory").WithMethod("size", PeripheralMethod.Returns(27, "slots")).Behind("back"),
    ];

    private static LuaTable List(params LuaValue[] items) => new(items);

    [Test]
    public void TypesAndMethods_AreThoseOfTheSides()
    {
        using var run = new KernelRun("""
            local types = table.pack(peripheral.getType("left"))
            report(types.n, types[1], types[2], peripheral.hasType("left", "audio"), peripheral.hasType("left", "modem"),
                peripheral.isPresent("LEFT"), peripheral.isPresent("right"), select("#", peripheral.getType("right")),
                peripheral.getMethods("left"), peripheral.getType("back"), peripheral.getNames())
            """, Layout);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            2L, "speaker", "audio", true, false, true, false, 0L, List("bad", "foo"), "modem", List("left", "back", "drive_0"),
        }));
    }

    [Test]
    public void WiredModem_ListsItsModemMethods_AndItsNetworkIsNotOnTheNativeApi()
    {
        using var run = new KernelRun("""
            report(peripheral.getMethods("back"), peripheral.isPresent("drive_0"), select("#", peripheral.getType("drive_0")),
                pcall(peripheral.call, "drive_0", "size"))
            """, Layout);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            List("callRemote", "close", "closeAll", "getMethodsRemote", "getNameLocal", "getNamesRemote", "getTypeRemote",
                "hasTypeRemote", "isOpen", "isPresentRemote", "isWireless", "open", "transmit"),
            false, 0L, false, "No peripheral attached",
        }));
    }

    [Test]
    public void Call_ReturnsTheResults_AndLogsTheExactArguments()
    {
        using var run = new KernelRun("""
            local results = table.pack(peripheral.call("left", "foo", 1, nil, "x", 2.5, nil))
            report(results.n, results[1], results[2], results[3], results[4])
            """, Layout);
        Assert.Multiple(() =>
        {
            Assert.That(run.Values, Is.EqualTo(new LuaValue[] { 5L, 1L, LuaValue.Nil, "x", 2.5 }));
            Assert.That(run.Computer.Peripherals.Log("left"),
                Is.EqualTo(new[] { new PeripheralCall("foo", [1L, LuaValue.Nil, "x", 2.5, LuaValue.Nil]) }));
        });
    }

    [Test]
    public void Errors_AreLuaErrorsAtTheCaller()
    {
        using var run = new KernelRun("""
            -- The error must carry the position of the line that called peripheral.call, which `here` names.
            local function try(...)
                local args = table.pack(...)
                local call = function() local r = peripheral.call(table.unpack(args, 1, args.n)) return r end; local mark = function() error("") end
                local _, err = pcall(call)
                local _, here = pcall(mark)
                if string.sub(err, 1, #here) ~= here then return "at the wrong place: " .. err end
                return string.sub(err, #here + 1)
            end
            report(try("left", "bad"), try("left", "nope"), try("right", "foo"), try(nil, "foo"), try("left"))
            """, Layout);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[]
        {
            "boom", "No such method nope", "No peripheral attached", "bad argument #1 (expected string, got nil)",
            "bad argument #2 (expected string, got nil)",
        }));
        Assert.That(run.Computer.Peripherals.Log("left").Select(c => c.Method), Is.EqualTo(new[] { "bad", "nope" }));
    }

    [Test]
    public void WiredModem_RemoteCalls_ReachTheNetworkPeripheral_AndAreLoggedOnBoth()
    {
        using var run = new KernelRun("""
            report(peripheral.call("back", "getNamesRemote"), peripheral.call("back", "isPresentRemote", "drive_0"),
                peripheral.call("back", "hasTypeRemote", "drive_0", "inventory"), peripheral.call("back", "getNameLocal"),
                peripheral.call("back", "isWireless"), peripheral.call("back", "callRemote", "drive_0", "size", true))
            """, Layout);
        Assert.Multiple(() =>
        {
            Assert.That(run.Values, Is.EqualTo(new LuaValue[] { List("drive_0"), true, true, "computer_0", false, 27L, "slots" }));
            Assert.That(run.Computer.Peripherals.Log("drive_0"), Is.EqualTo(new[] { new PeripheralCall("size", [true]) }));
            Assert.That(run.Computer.Peripherals.Log("back")[^1], Is.EqualTo(new PeripheralCall("callRemote", ["drive_0", "size", true])));
        });
    }

    [Test]
    public void AttachAndDetach_WhileRunning_QueueEventsWithTheBusNames_ButNotBeforeBoot()
    {
        using var run = new KernelRun("""
            local seen = {}
            os.queueEvent("booted")
            while true do
                local event, name = os.pullEventRaw()
                if event == "done" then break end
                seen[#seen + 1] = event .. ":" .. tostring(name)
            end
            report(seen)
            os.pullEventRaw()
            """, [PeripheralSpec.Device("top", "alpha")]);
        var computer = run.Computer;
        Assert.Multiple(() =>
        {
            Assert.That(computer.Attach(PeripheralSpec.Device("left", "alpha")), Is.EqualTo("left"));
            Assert.That(computer.Attach(PeripheralSpec.Device("net_0", "alpha").Behind("back")), Is.EqualTo("back"));
            Assert.That(computer.Attach(PeripheralSpec.Device("net_1", "alpha").Behind("back")), Is.EqualTo("net_1"));
            Assert.That(computer.Detach("back"), Is.True);
            Assert.That(computer.Detach("nothing"), Is.False);
            Assert.That(() => computer.Attach(PeripheralSpec.Device("top", "beta")), Throws.ArgumentException);
        });
        computer.QueueEvent("done");
        computer.Run();
        Assert.That(run.Values[0], Is.EqualTo((LuaValue)List(
            "booted:nil", "peripheral:left", "peripheral:back", "peripheral:net_1", "peripheral_detach:back")));
        Assert.That(computer.Peripherals.Names, Is.EqualTo(new[] { "top", "left" }));
    }
}
