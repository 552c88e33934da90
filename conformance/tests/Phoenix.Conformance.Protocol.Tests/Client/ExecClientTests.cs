using System.Diagnostics;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Protocol.Adapter.Client;
using Phoenix.Conformance.Protocol.Tests.Kit;

namespace Phoenix.Conformance.Protocol.Tests.Client;

/// <summary>The exec: client against hosts that misbehave: each ends as a boot error or a stopped kernel with the
/// reason, within the timeout, never as a hang or an internal error.</summary>
public sealed class ExecClientTests
{
    private const string Hello = """read l; echo '{"id":1,"ok":true,"result":{"protocol":1,"name":"fake","version":"1","operations":["syscall"]}}'; """;
    private const string Boot = """read l; echo '{"id":2,"ok":true,"result":"k1"}'; read l; """;

    private static ExecAdapter Fake(string script, double timeoutSeconds = 10)
    {
        return new ExecAdapter(() =>
        {
            var start = new ProcessStartInfo("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            return start;
        }, TimeSpan.FromSeconds(timeoutSeconds));
    }

    [Test]
    public void HostThatExitsAtOnce_IsABootError()
    {
        using var adapter = Fake("echo 'no kernel here' >&2; exit 3");
        var e = Assert.Throws<KernelBootException>(() => adapter.Boot(BootImage.Empty));
        Assert.That(e!.Message, Does.Contain("handshake"));
    }

    [Test]
    public void HostThatDiesDuringASyscall_IsAStoppedKernel_WithItsLastWords()
    {
        using var adapter = Fake(Hello + Boot + "echo 'panic: out of cheese' >&2; exit 1");
        using var kernel = adapter.Boot(BootImage.Empty);
        var e = Assert.Throws<KernelStoppedException>(() => kernel.Syscall("root", "getpid"));
        Assert.That(e!.Message, Does.Contain("exited during 'syscall'").And.Contain("panic: out of cheese"));
    }

    [TestCase("echo 'not json at all'", TestName = "{m}(not JSON)")]
    [TestCase("""echo '{"id":99,"ok":true,"result":null}'""", TestName = "{m}(another request's id)")]
    [TestCase("""echo '{"id":3,"ok":true,"result":{"succeeded":true,"values":[{"x":"1"}]}}'""", TestName = "{m}(a value in no known form)")]
    public void HostThatAnswersJunk_IsAStoppedKernel(string answer)
    {
        using var adapter = Fake(Hello + Boot + answer + "; sleep 5");
        using var kernel = adapter.Boot(BootImage.Empty);
        var e = Assert.Throws<KernelStoppedException>(() => kernel.Syscall("root", "getpid"));
        Assert.That(e!.Message, Does.Contain("junk").Or.Contain("breaks the protocol"));
    }

    [Test]
    public void SilentHost_IsAStoppedKernel_AfterTheTimeout()
    {
        using var adapter = Fake(Hello + Boot + "sleep 60", timeoutSeconds: 1);
        using var kernel = adapter.Boot(BootImage.Empty);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<KernelStoppedException>(() => kernel.Syscall("root", "getpid"));
        Assert.That(e!.Message, Does.Contain("did not answer 'syscall' within 1 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void OperationNotOffered_IsNotSupported_WithoutAsking()
    {
        using var adapter = Fake(Hello + Boot + "sleep 5");
        using var kernel = adapter.Boot(BootImage.Empty);
        Assert.Throws<NotSupportedByAdapterException>(() => kernel.RunUserChunk("root", "return 1"));
    }

    [Test]
    public void KilledHost_FailsItsKernels_AndTheNextBootStartsAFreshOne()
    {
        using var adapter = new ExecAdapter(() => Hosts.Start("serve-reference"), TimeSpan.FromSeconds(30));
        var kernel = adapter.Boot(BootImage.Empty);
        adapter.Kill("memory cap of 1 MB exceeded (test)");
        var e = Assert.Throws<HostKilledException>(() => kernel.Syscall("root", "getpid"));
        Assert.That(e!.Message, Does.Contain("memory cap"));
        using var fresh = adapter.Boot(BootImage.Empty);
        Assert.That(fresh.Syscall("root", "getpid").Succeeded, Is.True);
    }
}
