using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Protocol.Adapter.Client;
using Phoenix.Conformance.Protocol.Tests.Kit;

namespace Phoenix.Conformance.Protocol.Tests.LuaHost;

/// <summary>Pebble, the Lua host's kernel, beyond the protocol kit: its instruction budget per operation ends runaway
/// code as a failed result, so one module cannot silence the host (and every kernel in it) until the client's timeout.</summary>
public sealed class PebbleTests
{
    [Test]
    public void RunawayCode_IsAFailedResult_AndTheKernelGoesOn()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start("lua-pebble"), TimeSpan.FromSeconds(60));
        using var kernel = adapter.Boot(BootImage.Empty
            .WithFile("/lib/modules/spin.lua", "while true do end")
            .WithFile("/lib/modules/z.lua", "return { spin = function() local c = coroutine.wrap(function() while true do end end) return c() end }"));
        Assert.That(kernel.ReadSyslog().Any(e => e.Message.Contains("instruction budget exhausted", StringComparison.Ordinal)), Is.True, "the boot module's runaway is logged");
        Assert.That(kernel.Syscall("root", "callmodule", "z", "spin").ErrorFirstLine, Is.EqualTo("Pebble: instruction budget exhausted"));
        Assert.That(kernel.RunUserChunk("alice", "while true do end").ErrorFirstLine, Is.EqualTo("Pebble: instruction budget exhausted"));
        Assert.That(kernel.Syscall("root", "getpid").Succeeded, Is.True);
    }
}
