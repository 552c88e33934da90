using Phoenix.Values;
using static Phoenix.ReferenceKernel.Tests.KernelApi.KernelApiImage;

namespace Phoenix.ReferenceKernel.Tests.KernelApi;

/// <summary>The kernel globals of Scripting/api-core.lua and api-lualib.lua (reference-kernel/KERNEL-API.md), through
/// the look-alike module fixtures/kernel-api/toolbox.lua.</summary>
public class CoreApiTests
{
    private ReferenceKernel _kernel = null!;

    [SetUp]
    public void Boot()
    {
        _kernel = ReferenceKernel.Boot(With("toolbox"));
        AssertLoaded(_kernel, "toolbox");
    }

    [TearDown]
    public void Dispose() => _kernel.Dispose();

    private IReadOnlyList<LuaValue> Toolbox(string function, params LuaValue[] args) => Call(_kernel, "alice", "toolbox", function, args);

    [Test]
    public void Globals_OfTheAllowList_ArePresentWithPhoenixTypes()
    {
        var types = Toolbox("globals")[0];
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "KERNEL", "expect", "syslog", "eventHooks", "hardware", "filesystem", "package", "processes",
                "fifos", "syscalls", "mounts", "modules", "filesystems", "bit32", "deviceTreeRoot", "term" })
            {
                Assert.That(Field(types, name), Is.EqualTo((LuaValue)"table"), name);
            }
            foreach (var name in new[] { "require", "loadfile", "dofile", "addProcessLoader", "removeProcessLoader", "split",
                "deepcopy", "serialize", "unserialize", "do_syscall", "userModeCallback", "registerDriver", "deregisterDriver" })
            {
                Assert.That(Field(types, name), Is.EqualTo((LuaValue)"function"), name);
            }
            Assert.That(Field(types, "PHOENIX_VERSION"), Is.EqualTo((LuaValue)"string"));
        });
    }

    [TestCase("expectCall", "bad argument #2 (expected string or nil, got number)")]   // expect is callable, as Phoenix's table
    [TestCase("expectExpect", "bad argument #2 (expected string or nil, got number)")] // and expect.expect is the same check
    public void Expect_CalledOrThroughExpect_RaisesPhoenixsMessage(string function, string message) =>
        Assert.That(Toolbox(function, 2, 5, "string", "nil"), Is.EqualTo(new LuaValue[] { false, message }));

    [Test]
    public void ExpectField_OnAMismatch_NamesTheQuotedKey()
    {
        var record = LuaTable.Record(("name", 5));
        Assert.Multiple(() =>
        {
            Assert.That(Toolbox("expectField", record, "name", "string"), Is.EqualTo(new LuaValue[] { false, "bad field \"name\" (expected string, got number)" }));
            Assert.That(Toolbox("expectField", record, "name", "number"), Is.EqualTo(new LuaValue[] { true, 5 }));
            Assert.That(Toolbox("expectField", record, "other", "string", "nil"), Is.EqualTo(new LuaValue[] { true, LuaValue.Nil }));
        });
    }

    [Test]
    public void ExpectRange_OutOfRange_RaisesPhoenixsMessage() =>
        Assert.That(Toolbox("expectRange", 12, 1, 10), Is.EqualTo(new LuaValue[] { false, "number outside of range (expected 12 to be within 1 and 10)" }));

    [Test]
    public void Expect_AcceptsAMetatableName_AsPhoenixsCustomTypes() =>
        Assert.That(Toolbox("expectNamed", "file")[0], Is.EqualTo((LuaValue)true));

    [TestCase("a b  c", null, new[] { "a", "b", "c" })]        // default separator: whitespace runs
    [TestCase("/usr//lib\\x", "/\\", new[] { "usr", "lib", "x" })] // a class of separators, as encryptfs passes "/\\"
    public void Split_GivesTheRunsBetweenSeparators(string text, string? separators, string[] expected) =>
        Assert.That(Toolbox("split", text, separators is null ? LuaValue.Nil : separators)[0],
            Is.EqualTo(new LuaTable(expected.Select(s => (LuaValue)s))));

    [Test]
    public void Deepcopy_CopiesTablesKeysAndMetatables() =>
        Assert.That(Toolbox("deepcopy"), Is.EqualTo(new LuaValue[] { true, true, 3, true, "meta", "key", "text" }));

    [Test]
    public void Serialize_WritesLuaLiterals_PhoenixsLayout()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Toolbox("serialize", new LuaTable([1, "two"], [new(LuaString.From("k"), true)]), true)[0],
                Is.EqualTo((LuaValue)"{1,\"two\",k=true}"));
            Assert.That(Toolbox("serialize", LuaTable.Record(("end", 1)), false)[0], Is.EqualTo((LuaValue)"{\n    [\"end\"] = 1,\n}"));
            // Bytes past 126 and control characters become three-digit escapes; Lua 5.4's own "\0" stays as it is.
            Assert.That(Toolbox("serialize", "a\nb\0é", true)[0], Is.EqualTo((LuaValue)"\"a\\nb\\0\\195\\169\""));
        });
    }

    [Test]
    public void SerializeThenUnserialize_GivesTheValueBack()
    {
        var value = new LuaTable([1, 2.5, "x"], [new(LuaString.From("nested"), LuaTable.Record(("yes", true)))]);
        Assert.That(Toolbox("roundTrip", value)[0], Is.EqualTo((LuaValue)value));
    }

    [Test]
    public void Serialize_FunctionsAndCycles_RaisePhoenixsErrors() =>
        Assert.That(Toolbox("serializeErrors"), Is.EqualTo(new LuaValue[] { "Cannot serialize type function", "Cannot serialize recursive value" }));

    [Test]
    public void Unserialize_RunsInAnEmptyEnvironment() =>
        Assert.That(Toolbox("unserializeSees", "filesystem")[0], Is.EqualTo((LuaValue)"nil"));

    [Test]
    public void SyscallsTable_IsCallableFromKernelCode_AsTheCaller() =>
        Assert.That(Toolbox("syscalls")[0], Is.EqualTo((LuaValue)"alice"));

    [Test]
    public void DoSyscall_FromAUserModeCallback_RunsAsThatProcess()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Toolbox("doSyscall", "getuser"), Is.EqualTo(new LuaValue[] { true, "alice" }));
            var failed = Toolbox("doSyscall", "nosuchcall");
            Assert.That(failed[0], Is.EqualTo((LuaValue)false));
            Assert.That(failed[1].ToString(), Does.Contain("No such syscall"));
            // Level 3, as Phoenix's: not the line that called do_syscall (the module's) but its caller's, so an
            // error a module's handle callback passes on carries the module's position once (compressfs's does).
            Assert.That(failed[1].ToString(), Does.Not.Contain("toolbox.lua"));
        });
    }

    [Test]
    public void EventHooks_HoldTheListsPhoenixCreatesBeforeModules() =>
        Assert.That(Toolbox("eventHookNames")[0], Is.EqualTo(new LuaTable(new[] { "char", "disk", "disk_eject", "key", "key_up",
            "modem_message", "monitor_resize", "paste", "peripheral", "peripheral_detach", "speaker_audio_empty", "term_resize",
            "terminate", "timer" }.Select(s => (LuaValue)s))));

    [Test]
    public void OsEpoch_IsASimulatedClock_StartingAtTheBootEpoch()
    {
        var clock = Toolbox("clock");
        Assert.Multiple(() =>
        {
            Assert.That(clock[0], Is.EqualTo((LuaValue)new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));
            Assert.That(clock.Skip(1).Take(4), Is.EqualTo(new LuaValue[] { 1, true, true, 0 }), "one millisecond within 331 reads; nano in ns; computer 0");
            Assert.That(clock.Skip(5), Is.EqualTo(new LuaValue[] { false, "Unsupported operation" }));
        });
    }

    [Test]
    public void Term_IsAHeadlessColourTerminal_WithoutGraphicsMode() =>
        Assert.That(Toolbox("term"), Is.EqualTo(new LuaValue[] { 51, 19, true, 5, 4, 16, true, "Invalid color" }));

    [TestCase(8.0, 0.5, 4L)]     // a power of two
    [TestCase(-3.0, -0.75, 2L)]  // the sign stays on the mantissa
    [TestCase(0.0, 0.0, 0L)]     // zero gives 0, 0
    public void MathFrexp_SplitsMantissaAndExponent_AsLua52(double x, double mantissa, long exponent) =>
        Assert.That(Toolbox("frexp", x), Is.EqualTo(new LuaValue[] { mantissa, exponent }));

    [Test]
    public void MathLdexp_Scales() => Assert.That(Toolbox("ldexp", 0.75, 2)[0], Is.EqualTo((LuaValue)3.0));

    [Test]
    public void KernelTables_AreTheKernelsOwn() =>
        Assert.That(Toolbox("tables"), Is.EqualTo(new LuaValue[] { true, true, "root", true, "table", 1, "table", "0.0.9" }));
}
