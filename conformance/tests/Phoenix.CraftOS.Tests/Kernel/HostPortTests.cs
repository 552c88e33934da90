using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// The host port carries requests and answers as data, not through the screen: a 16 MiB argument and a 16 MiB result
/// cross the craftos adapter byte for byte, on Tiny (always) and on Phoenix (when PHOENIX_KERNEL_DIR is set). The
/// screen keeps 4 Mi characters of transcript, so hex frames of this size could never come back whole.
/// </summary>
public class HostPortTests
{
    private const int Size = 16 * 1024 * 1024;

    private static readonly BootImage Image = BootImage.Empty.WithFile("/lib/modules/echo.lua",
        "return { echo = function(process, thread, ...) return ... end, big = function(process, thread, n) return string.rep('\\0\\255x', n // 3 + 1):sub(1, n) end }");

    /// <summary>Every byte value, in an order no repetition hides.</summary>
    private static byte[] Payload()
    {
        var bytes = new byte[Size];
        new Random(14).NextBytes(bytes);
        return bytes;
    }

    [Test]
    public void Tiny_SixteenMiBArgumentAndResult_CrossIntact() => RoundTrip(RepositoryPaths.TinyKernel);

    [Test]
    public void Phoenix_SixteenMiBArgumentAndResult_CrossIntact() => RoundTrip(PhoenixDirectory());

    [Test]
    public void Tiny_AnswersThroughThePort_NotTheScreen()
    {
        using var kernel = (CraftOsKernel)new CraftOsAdapter(RepositoryPaths.TinyKernel).Boot(Image);
        var before = kernel.Computer.Screen.TranscriptLength;
        var result = kernel.Syscall("root", "callmodule", "echo", "big", (long)Size);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, result.ErrorText);
            Assert.That(((LuaString)result.Values[0]).Bytes.Length, Is.EqualTo(Size));
            Assert.That(kernel.Computer.Screen.TranscriptLength - before, Is.LessThan(1024), "the answer went through the screen");
        });
    }

    /// <summary>Phoenix 0.0.9 wakes each user's process through the port (a timer the process armed), not through its
    /// terminal, and answers stay exact.</summary>
    [Test]
    public void Phoenix_UserProcessesAreWokenThroughThePort()
    {
        using var kernel = (CraftOsKernel)new CraftOsAdapter(PhoenixDirectory()).Boot(Image);
        // Phoenix's getuser gives the user and the real user (nil here).
        for (var i = 0; i < 5; i++) Assert.That(kernel.Syscall("alice", "getuser").Values[0], Is.EqualTo((LuaValue)"alice"));
        Assert.That(kernel.Computer.Port.WakeTimer("alice"), Is.Not.Null);
    }

    /// <summary>Between requests, Phoenix 0.0.9's user process waits in the port (parked in the host, in the middle of
    /// the kernel's work), and the next request of its user goes straight to it; a request of another user, or a ping,
    /// sends it back to waiting the kernel's way first, and every answer stays right.</summary>
    [Test]
    public void Phoenix_UserProcessWaitsInThePort_AndOtherRequestsStillGetThrough()
    {
        using var kernel = (CraftOsKernel)new CraftOsAdapter(PhoenixDirectory()).Boot(Image);
        // A user's first request forks its process, which parks only after that answer has been taken.
        foreach (var user in new[] { "alice", "bob" }) kernel.Syscall(user, "getuser");
        for (var round = 0; round < 3; round++)
        {
            foreach (var user in new[] { "alice", "alice", "bob", "alice" })
            {
                Assert.That(kernel.Syscall(user, "getuser").Values[0], Is.EqualTo((LuaValue)user));
                Assert.That(kernel.Computer.Port.Parked, Is.EqualTo(user), "the user's process waits in the port");
            }
            var chunk = kernel.RunUserChunk("alice", "local n = 0 for i = 1, 5 do n = n + syscall.getpid() end return n");
            Assert.That(chunk.Succeeded, Is.True, chunk.ErrorText);
            // A ping goes to the agent, behind the peripheral event, so the parked process goes back first.
            kernel.Attach(Phoenix.Conformance.Abstractions.Peripherals.PeripheralSpec.Device("left", "speaker"));
            kernel.Detach("left");
        }
    }

    private static void RoundTrip(string kernelDirectory)
    {
        var payload = Payload();
        using var kernel = new CraftOsAdapter(kernelDirectory).Boot(Image);
        SyscallResult result = kernel.Syscall("root", "callmodule", "echo", "echo", new LuaString(payload), 7L);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Has.Count.EqualTo(2));
        Assert.That(((LuaString)result.Values[0]).Bytes.ToArray().SequenceEqual(payload), Is.True, "the 16 MiB string changed on the way");
        Assert.That(result.Values[1], Is.EqualTo((LuaValue)7L));
    }

    private static string PhoenixDirectory()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("Did not run: set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d).");
        return dir;
    }
}
