using Phoenix.Values;
using Phoenix.CraftOS.Events;
using Phoenix.CraftOS.Screen;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>What a kernel keeps in host memory (events, the screen transcript) is bounded, and event data that cannot
/// cross as data is dropped as CC drops it, instead of stopping the computer.</summary>
public class HostLimitsTests
{
    [Test]
    public void QueuedEventWithAFunctionAndACycle_IsDelivered_WithThoseValuesAsNil()
    {
        using var run = new KernelRun("""
            local cyclic = {}
            cyclic.self = cyclic
            os.queueEvent("x", function() end, { n = 1, f = function() end }, cyclic)
            local ev, f, t, c = os.pullEventRaw("x")
            report(ev, f == nil, t.n, t.f == nil, type(c))
            os.shutdown()
            os.pullEventRaw()
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "x", true, 1L, true, "table" }));
    }

    [Test]
    public void QueuedEventsPastTheByteLimit_AreDropped()
    {
        var queue = new EventQueue(new VirtualClock(0));
        var big = new LuaString(new byte[EventQueue.MaxBytes / 4]);
        for (var i = 0; i < 8; i++) queue.Enqueue(["junk", big]);
        Assert.That(queue.Count, Is.LessThan(8));
        Assert.That(queue.Dropped, Is.GreaterThan(0));
    }

    [TestCase(double.PositiveInfinity)]
    [TestCase(1e17)]
    // Each row: a delay whose tick count would overflow a long.
    public void TimerWithHugeDelay_DoesNotFireAtOnce(double seconds)
    {
        var clock = new VirtualClock(0);
        var queue = new EventQueue(clock);
        queue.StartTimer(seconds);
        queue.StartTimer(1);
        queue.FireNextTimers();
        Assert.That(queue.TryDequeue(out var ev) && ev[1] == 2L, Is.True, "the 1 s timer fires first");
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void Transcript_KeepsOnlyItsTail_AndOffsetsStayAbsolute()
    {
        var screen = new VirtualScreen();
        var chunk = new string('x', VirtualScreen.MaxTranscript / 3);
        for (var i = 0; i < 6; i++) screen.Write(chunk);
        screen.Write("END");
        Assert.Multiple(() =>
        {
            Assert.That(screen.Transcript.Length, Is.LessThanOrEqualTo(VirtualScreen.MaxTranscript));
            Assert.That(screen.TranscriptLength, Is.EqualTo(6 * chunk.Length + 3));
            Assert.That(screen.TranscriptFrom(screen.TranscriptLength - 3), Is.EqualTo("END"));
        });
    }
}
