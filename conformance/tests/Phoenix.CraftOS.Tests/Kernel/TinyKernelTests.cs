using System.Diagnostics;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>The Tiny kernel boots on the host through the craftos adapter and serves the module syscalls.</summary>
public class TinyKernelTests
{
    private static readonly CraftOsAdapter Adapter = new(RepositoryPaths.TinyKernel);

    private const string Echo = "return { echo = function(process, thread, ...) return ... end }";

    [Test]
    public void Boot_WithModule_CallmoduleReturnsItsValues()
    {
        using var kernel = Adapter.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua", Echo));
        var result = kernel.Syscall("root", "callmodule", "echo", "echo", 1L, "two", LuaValue.Nil, 2.5);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { 1L, "two", LuaValue.Nil, 2.5 }));
    }

    [Test]
    public void Syscall_ThatFails_ComesBackAsFailure()
    {
        using var kernel = Adapter.Boot(BootImage.Empty);
        var result = kernel.Syscall("alice", "callmodule", "missing", "f");
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.ErrorFirstLine, Is.EqualTo("Module 'missing' does not exist"));
    }

    [Test]
    public void Getpid_IsStablePerUser_AndDiffersBetweenUsers()
    {
        using var kernel = Adapter.Boot(BootImage.Empty);
        var alice = kernel.Syscall("alice", "getpid").Values[0];
        Assert.Multiple(() =>
        {
            Assert.That(kernel.Syscall("alice", "getpid").Values[0], Is.EqualTo(alice));
            Assert.That(kernel.Syscall("bob", "getpid").Values[0], Is.Not.EqualTo(alice));
            Assert.That(kernel.Syscall("bob", "getuser").Values[0], Is.EqualTo((LuaValue)"bob"));
        });
    }

    [Test]
    public void UserChunk_CallsSyscallsBothWays_AndGetsItsArguments()
    {
        using var kernel = Adapter.Boot(BootImage.Empty);
        var result = kernel.RunUserChunk("alice", "local a, b = ... return syscall.getuser(), syscall('getuser'), a + b", 2L, 3L);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "alice", "alice", 5L }), result.ErrorText);
    }

    [Test]
    public void UserChunk_BinaryStringsAndFloats_CrossExactly()
    {
        using var kernel = Adapter.Boot(BootImage.Empty);
        var result = kernel.RunUserChunk("alice", "return '\\0\\255\\n', 1.0, -0.0, 1/0, math.mininteger, {1, nil, 3, x = 'y'}");
        var table = (LuaTable)result.Values[5];
        Assert.Multiple(() =>
        {
            Assert.That(result.Values[0], Is.EqualTo((LuaValue)new LuaString([0, 255, 10])));
            Assert.That(result.Values[1], Is.EqualTo((LuaValue)new LuaFloat(1.0)));
            Assert.That(double.IsNegative(((LuaFloat)result.Values[2]).Value), Is.True);
            Assert.That(result.Values[3], Is.EqualTo((LuaValue)double.PositiveInfinity));
            Assert.That(result.Values[4], Is.EqualTo((LuaValue)long.MinValue));
            Assert.That(table[3L], Is.EqualTo((LuaValue)3L));
            Assert.That(table["x"], Is.EqualTo((LuaValue)"y"));
        });
    }

    [Test]
    public void ModuleThatThrows_IsLogged_AndBootGoesOn()
    {
        using var kernel = Adapter.Boot(BootImage.Empty.WithFile("/lib/modules/bad.lua", "error('on purpose')"));
        Assert.That(kernel.ReadSyslog().Any(e => e.Level == SyslogLevel.Error && e.Message.Contains("on purpose", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void KernelThatDoesNotCompile_FailsToBoot_WithTheReason()
    {
        var dir = Directory.CreateTempSubdirectory("craftos-bad-kernel");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "kernel.lua"), "this is not lua");
            var error = Assert.Throws<KernelBootException>(() => new CraftOsAdapter(dir.FullName).Boot(BootImage.Empty));
            Assert.That(error!.Message, Does.Contain("does not compile"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Test]
    public void Boot_IsFast()
    {
        using (Adapter.Boot(BootImage.Empty))
        {
            // Warm-up: JIT and native library load.
        }
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            using var kernel = Adapter.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua", Echo));
            kernel.Syscall("root", "callmodule", "echo", "echo", 1L);
        }
        TestContext.Out.WriteLine($"Tiny: {watch.Elapsed.TotalMilliseconds / 20:0.0} ms per boot + callmodule");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }
}
