using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Protocol.Adapter.Client;

namespace Phoenix.Conformance.Protocol.Tests.Kit;

/// <summary>
/// The conformance kit for protocol implementations (ADAPTER-PROTOCOL.md): the handshake, refusals that leave the
/// host serving, every kernel operation the host offers, and values that must cross exactly (awkward bytes, both
/// zeros, infinities, NaN payloads, 64-bit integers, nil holes and trailing nils). Any host can be added to
/// <see cref="Hosts"/>; each test runs against every one.
/// </summary>
[TestFixtureSource(typeof(Hosts), nameof(Hosts.Names))]
public sealed class ProtocolKitTests(string host)
{
    private const string EchoModule = "return { echo = function(process, thread, ...) return ... end }";

    [Test]
    public void Handshake_NamesProtocol1_TheKernel_AndItsOperations()
    {
        using var raw = new RawHost(Hosts.Start(host));
        var hello = raw.Hello();
        Assert.That(hello["id"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(hello["ok"]!.GetValue<bool>(), Is.True, hello.ToJsonString());
        var result = hello["result"]!.AsObject();
        Assert.That(result["protocol"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(result["name"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(result["version"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(result["operations"]!.AsArray().Select(o => o!.GetValue<string>()), Does.Contain("syscall"));
    }

    [Test]
    public void NoCommonVersion_IsRefused_AsABadRequest()
    {
        using var raw = new RawHost(Hosts.Start(host));
        var answer = raw.Send("""{"id":7,"op":"hello","protocols":[99]}""");
        Assert.That(answer["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["error"]!["kind"]!.GetValue<string>(), Is.EqualTo("badRequest"));
    }

    [TestCase("""{"id":5,"op":"boot","image":{"entries":[],"kernelArguments":{},"peripherals":[]}}""", 5, TestName = "{m}(boot before hello)")]
    [TestCase("this is not JSON", null, TestName = "{m}(junk)")]
    [TestCase("""[1,2,3]""", null, TestName = "{m}(an array, not an object)")]
    public void BadLine_IsABadRequest_AndTheHostGoesOn(string line, int? id)
    {
        using var raw = new RawHost(Hosts.Start(host));
        var answer = raw.Send(line);
        Assert.That(answer["ok"]!.GetValue<bool>(), Is.False, answer.ToJsonString());
        Assert.That(answer["error"]!["kind"]!.GetValue<string>(), Is.EqualTo("badRequest"));
        Assert.That(answer["id"]?.GetValue<int>(), Is.EqualTo(id));
        Assert.That(raw.Hello()["ok"]!.GetValue<bool>(), Is.True, "the host must go on serving after a bad line");
    }

    [Test]
    public void UnknownOperationOrKernel_IsABadRequest()
    {
        using var raw = new RawHost(Hosts.Start(host));
        raw.Hello();
        Assert.That(raw.Send("""{"id":2,"op":"frobnicate"}""")["error"]!["kind"]!.GetValue<string>(), Is.EqualTo("badRequest"));
        Assert.That(raw.Send("""{"id":3,"op":"syscall","kernel":"nope","user":"root","name":"getpid","args":[]}""")["error"]!["kind"]!.GetValue<string>(), Is.EqualTo("badRequest"));
    }

    [Test]
    public void KernelShutDown_IsGone()
    {
        using var raw = new RawHost(Hosts.Start(host));
        raw.Hello();
        var kernel = raw.Send("""{"id":2,"op":"boot","image":{"entries":[],"kernelArguments":{},"peripherals":[]}}""")["result"]!.GetValue<string>();
        Assert.That(raw.Send(new JsonObject { ["id"] = 3, ["op"] = "shutdown", ["kernel"] = kernel })["ok"]!.GetValue<bool>(), Is.True);
        var after = raw.Send(new JsonObject { ["id"] = 4, ["op"] = "syscall", ["kernel"] = kernel, ["user"] = "root", ["name"] = "getpid", ["args"] = new JsonArray() });
        Assert.That(after["error"]!["kind"]!.GetValue<string>(), Is.EqualTo("badRequest"));
        Assert.That(raw.Send("""{"id":5,"op":"bye"}""")["ok"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void Syscall_AnswersValues_AndErrorsAsFailedResults()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        using var kernel = adapter.Boot(BootImage.Empty);
        var pid = kernel.Syscall("root", "getpid");
        Assert.That(pid.Succeeded, Is.True, pid.ToString());
        Assert.That(pid.Values[0], Is.InstanceOf<LuaInteger>());
        var missing = kernel.Syscall("root", "no_such_syscall_here");
        Assert.That(missing.Succeeded, Is.False);
        Assert.That(missing.ErrorFirstLine, Is.EqualTo("No such syscall"));
    }

    [Test]
    public void Values_CrossBothWaysExactly()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        using var kernel = adapter.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua", EchoModule));
        LuaValue[] awkward = AwkwardValues();
        var echoed = kernel.Syscall("root", "callmodule", [LuaString.From("echo"), LuaString.From("echo"), .. awkward]);
        Assert.That(echoed.Succeeded, Is.True, echoed.ToString());
        Assert.That(echoed.Values, Has.Count.EqualTo(awkward.Length), "trailing nils count");
        for (var i = 0; i < awkward.Length; i++)
        {
            Assert.That(echoed.Values[i], Is.EqualTo(awkward[i]), $"value {i}: {awkward[i]}");
        }
    }

    [Test]
    public void RunUserChunk_GetsItsArguments_AndMakesSyscallsAsItsUser()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        using var kernel = adapter.Boot(BootImage.Empty);
        var result = kernel.RunUserChunk("alice", "return syscall.getuser(), select('#', ...), ...", LuaString.From("a\0b"), LuaValue.Nil);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "alice", 2, new LuaString("a\0b"u8), LuaValue.Nil }));
        var failed = kernel.RunUserChunk("alice", "error('boom', 0)");
        Assert.That(failed.ErrorFirstLine, Is.EqualTo("boom"));
    }

    [Test]
    public void ReadSyslog_HasTheErrorOfAModuleThatThrewAtBoot()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        using var kernel = adapter.Boot(BootImage.Empty.WithFile("/lib/modules/broken.lua", "error('kit: broken on purpose')"));
        var log = kernel.ReadSyslog();
        Assert.That(log.Any(e => e.Level >= SyslogLevel.Error && e.Message.Contains("kit: broken on purpose", StringComparison.Ordinal)), Is.True,
            string.Join("\n", log));
    }

    [Test]
    public void PeripheralOperations_WorkOrAreNotSupported_NeverSomethingElse()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        using var kernel = adapter.Boot(BootImage.Empty);
        try
        {
            Assert.That(kernel.ReadPeripheralLog("left"), Is.Empty);
        }
        catch (NotSupportedByAdapterException e)
        {
            Assert.That(e.Operation, Is.EqualTo("readPeripheralLog"));
        }
    }

    [Test]
    public void Kernels_AreIndependent()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start(host), TimeSpan.FromSeconds(30));
        var image = BootImage.Empty.WithFile("/lib/modules/mark.lua", "MARK = (MARK or 0) + 1 return { get = function() return MARK end }");
        using var first = adapter.Boot(image);
        using var second = adapter.Boot(image);
        Assert.That(first.Syscall("root", "callmodule", "mark", "get").Values, Is.EqualTo(new LuaValue[] { 1 }));
        Assert.That(second.Syscall("root", "callmodule", "mark", "get").Values, Is.EqualTo(new LuaValue[] { 1 }));
    }

    /// <summary>Values a careless encoding breaks, each for a reason.</summary>
    public static LuaValue[] AwkwardValues()
    {
        var allBytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        return
        [
            LuaValue.Nil,                                             // nil first
            true, false,
            long.MinValue, long.MaxValue, 0,                          // 64-bit integers (not doubles)
            0.0, -0.0,                                                // both zeros
            double.PositiveInfinity, double.NegativeInfinity,
            double.NaN,                                               // .NET's NaN (sign bit set)
            BitConverter.Int64BitsToDouble(0x7ff8000000000123),       // a quiet NaN with a payload
            double.Epsilon, 0.1, 1.0,                                 // subnormal, inexact, integral float
            new LuaString(allBytes),                                  // every byte, NUL and invalid UTF-8 included
            new LuaString([0xff, 0xfe, 0x00, 0xc0, 0x80]),
            "",
            LuaString.From("é😀\n\"\\"),                              // UTF-8 and JSON's escapes
            new LuaTable([1, LuaValue.Nil, 3], [new(LuaString.From("k"), new LuaTable([-0.0])), new(true, 2.5)]),
            LuaValue.Nil, LuaValue.Nil,                               // trailing nils keep the count
        ];
    }
}
