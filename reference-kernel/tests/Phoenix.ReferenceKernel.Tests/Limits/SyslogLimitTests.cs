using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Logging;

namespace Phoenix.ReferenceKernel.Tests.Limits;

public class SyslogLimitTests
{
    [Test]
    public void Flood_KeepsTheNewestLinesWithinTheLimit_AndSaysHowManyWent()
    {
        var clock = 0L;
        var log = new Syslog(() => ++clock, limitChars: 4096);
        for (var i = 0; i < 1000; i++) log.Info($"line {i:0000} " + new string('x', 90));

        Assert.That(log.Entries.Sum(e => e.Message.Length), Is.LessThanOrEqualTo(4096 + 200));
        Assert.That(log.Dropped, Is.GreaterThan(900));
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.StartsWith("line 0999 "));
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.Contains("oldest lines dropped"));
        var lines = log.Entries.Where(e => e.Message.StartsWith("line ", StringComparison.Ordinal)).Select(e => e.Message[..9]).ToList();
        Assert.That(lines, Is.Ordered, "the newest lines, in order");
    }

    [Test]
    public void OneHugeLine_IsCut()
    {
        var log = new Syslog(() => 0, limitChars: 4096);
        log.Error(new string('y', 100_000));
        Assert.That(log.Entries.Single().Message, Has.Length.LessThan(1100).And.Contains("more characters cut"));
        Assert.That(log.Entries.Single().Level, Is.EqualTo(SyslogLevel.Error));
    }

    [Test]
    public void Module_LoggingLargeStringsInALoop_LeavesABoundedLog_AndTheKernelGoesOn()
    {
        var image = BootImage.Empty
            .WithFile("/lib/modules/flood.lua", "for i = 1, 20 do syslog.log(string.rep('x', 2 * 1024 * 1024)) end return {}")
            .WithFile("/lib/modules/echo.lua", "return { ping = function() return 'pong' end }");
        using var kernel = ReferenceKernel.Boot(image, new KernelOptions { SyslogLimitChars = 4L * 1024 * 1024 });
        Assert.That(kernel.Syslog.Entries.Sum(e => (long)e.Message.Length), Is.LessThanOrEqualTo(4L * 1024 * 1024));
        Assert.That(kernel.Syslog.Dropped, Is.GreaterThan(0));
        Assert.That(kernel.Syscall("root", "callmodule", ["echo", "ping"]).Values, Is.EqualTo(new Phoenix.Values.LuaValue[] { "pong" }));
    }
}
