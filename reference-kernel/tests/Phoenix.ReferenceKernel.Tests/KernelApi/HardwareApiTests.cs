using Phoenix.ReferenceKernel.Boot;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;
using static Phoenix.ReferenceKernel.Tests.KernelApi.KernelApiImage;

namespace Phoenix.ReferenceKernel.Tests.KernelApi;

/// <summary>The hardware table (Scripting/api-hardware.lua) and eventHooks run for ComputerCraft events
/// (ReferenceKernel.DeliverEvent), through the look-alike driver module fixtures/kernel-api/chatbox.lua.</summary>
public class HardwareApiTests
{
    private static readonly PeripheralSpec ChatBox = PeripheralSpec.Device("left", "chat_box").WithMethod("sendMessage", PeripheralMethod.Echo);

    private static ReferenceKernel BootChatbox(BootImage? image = null)
    {
        var kernel = ReferenceKernel.Boot(image ?? With("chatbox").WithPeripheral(ChatBox));
        AssertLoaded(kernel, "chatbox");
        return kernel;
    }

    [Test]
    public void FindGetAndPath_ReachTheDeviceTree()
    {
        using var kernel = BootChatbox();
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "root", "chatbox", "find", "chat_box")[0], Is.EqualTo(new LuaTable(["/left"])));
            Assert.That(Call(kernel, "root", "chatbox", "find", "computer")[0], Is.EqualTo(new LuaTable(["/"])));
            Assert.That(Call(kernel, "root", "chatbox", "get", "left")[0], Is.EqualTo(new LuaTable(["/left"])));
            Assert.That(Call(kernel, "root", "chatbox", "get", "/nothing")[0], Is.EqualTo(new LuaTable()));
            Assert.That(Call(kernel, "root", "chatbox", "badNode"), Is.EqualTo(new LuaValue[] { false, "bad argument #1 (invalid node)" }));
        });
    }

    [Test]
    public void Call_RunsTheBoundDriversMethod_AsTheGivenProcess()
    {
        using var kernel = BootChatbox();
        Assert.That(Call(kernel, "alice", "chatbox", "call", "left", "hi"), Is.EqualTo(new LuaValue[] { "hi", "alice" }));
    }

    [Test]
    public void ChatEvent_RunsTheModulesHook_WithTheEventTable_AndBroadcastsToListeners()
    {
        using var kernel = BootChatbox();
        Call(kernel, "alice", "chatbox", "listen", "left");
        kernel.DeliverEvent("chat", "bob", "hello there");
        var seen = Call(kernel, "root", "chatbox", "seen");
        Assert.Multiple(() =>
        {
            Assert.That(seen[0], Is.EqualTo(new LuaTable([new LuaTable(["chat", "bob", "hello there", 3])])));
            Assert.That(Call(kernel, "alice", "chatbox", "queued")[0], Is.EqualTo(new LuaTable([new LuaTable(["chat", "bob", "hello there"])])));
            Assert.That(Call(kernel, "bob", "chatbox", "queued")[0], Is.EqualTo(new LuaTable()), "bob does not listen");
        });
    }

    [Test]
    public void Devlisten_CalledFromKernelCodeAsTheCaller_JoinsAndLeaves()
    {
        using var kernel = BootChatbox();
        Call(kernel, "alice", "chatbox", "subscribe", "left");
        kernel.DeliverEvent("chat", "bob", "first");
        Call(kernel, "alice", "chatbox", "subscribe", "left", false);
        kernel.DeliverEvent("chat", "bob", "second");
        Assert.That(Call(kernel, "alice", "chatbox", "queued")[0], Is.EqualTo(new LuaTable([new LuaTable(["chat", "bob", "first"])])));
    }

    [Test]
    public void Devlisten_JoinsAndLeavesTheDevicesListeners()
    {
        using var kernel = BootChatbox();
        Assert.That(kernel.Syscall("alice", "devlisten", ["left"]).Succeeded, Is.True);
        kernel.DeliverEvent("chat", "bob", "first");
        Assert.That(kernel.Syscall("alice", "devlisten", ["left", false]).Succeeded, Is.True);
        kernel.DeliverEvent("chat", "bob", "second");
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "alice", "chatbox", "queued")[0], Is.EqualTo(new LuaTable([new LuaTable(["chat", "bob", "first"])])));
            Assert.That(kernel.Syscall("alice", "devlisten", ["nowhere"]).ErrorText, Does.StartWith("No such device"));
        });
    }

    [Test]
    public void EventWithoutHooks_IsIgnored()
    {
        using var kernel = BootChatbox();
        kernel.DeliverEvent("redstone");
        Assert.That(kernel.Syscall("root", "getpid", []).Succeeded, Is.True);
    }

    [Test]
    public void EventHooks_ReplacedByAModule_WithANonTable_AreSkipped()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/clobber.lua", "eventHooks = 42\nreturn {}"));
        kernel.DeliverEvent("chat", "bob", "hi");
        Assert.That(kernel.Syscall("root", "getpid", []).Succeeded, Is.True);
    }

    [Test]
    public void Hook_ThatThrows_StopsTheKernel_AsPhoenixsUnprotectedLoopDoes()
    {
        using var kernel = BootChatbox();
        var stopped = Assert.Throws<KernelStoppedException>(() => kernel.DeliverEvent("chat", 42));
        Assert.That(stopped!.Message, Does.Contain("bad field 2 (expected string, got number)"));
    }

    [Test]
    public void AttachedPeripherals_BindTheModulesDriver_AndListenersHearOnlyMatchingNodes()
    {
        using var kernel = BootChatbox();
        kernel.AttachPeripheral(PeripheralSpec.Device("chatter", "chat_box").Behind("back"));
        kernel.AttachPeripheral(PeripheralSpec.Device("right", "chat_box"));
        kernel.AttachPeripheral(PeripheralSpec.Device("chat_top", "chat_box").Behind("back"));
        Assert.Multiple(() =>
        {
            // Only nodes right under the root whose id starts with "chat" (listen's parent and pattern).
            Assert.That(Call(kernel, "root", "chatbox", "seen")[1], Is.EqualTo(new LuaTable()));
            Assert.That(Call(kernel, "root", "chatbox", "find", "chat_box")[0], Is.EqualTo(new LuaTable(["/back/chat_top", "/back/chatter", "/left", "/right"])));
        });
    }

    [Test]
    public void Listen_WithParentAndPattern_HearsMatchingNodes_UntilUnlisten()
    {
        using var kernel = BootChatbox();
        Call(kernel, "root", "chatbox", "addNode", "chat_one");
        Call(kernel, "root", "chatbox", "addNode", "other");
        Call(kernel, "root", "chatbox", "unlistenAll");
        Call(kernel, "root", "chatbox", "addNode", "chat_two");
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "root", "chatbox", "seen")[1], Is.EqualTo(new LuaTable(["chat_one"])));
            Assert.That(Call(kernel, "root", "chatbox", "addNode", "chat_one"), Is.EqualTo(new LuaValue[] { LuaValue.Nil, "Node already exists" }));
            Assert.That(Call(kernel, "root", "chatbox", "removeNode", "/chat_two")[0], Is.EqualTo((LuaValue)true));
            Assert.That(Call(kernel, "root", "chatbox", "get", "/chat_two")[0], Is.EqualTo(new LuaTable()));
        });
    }

    [Test]
    public void Unload_RemovesTheHook_AndTheDriver()
    {
        using var kernel = BootChatbox();
        Assert.That(kernel.Syscall("root", "unloadmodule", ["chatbox"]).Succeeded, Is.True);
        kernel.DeliverEvent("chat", 42);   // would stop the kernel if the hook were still there
        Assert.That(kernel.Syscall("root", "devinfo", ["/left"]).Values[0] is LuaTable info && info[(LuaValue)"types"] is LuaTable { Hash.Count: 0 }, Is.True);
    }
}
