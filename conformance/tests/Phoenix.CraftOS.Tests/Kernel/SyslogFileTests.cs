using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

public class SyslogFileTests
{
    [Test]
    public void PhoenixFormat_KeepsLevelModuleAndCategory_AndFoldsContinuationLines()
    {
        const string log = "[Jan 01 00:00:00] kernel[0] [Info]: Starting Phoenix version 0.0.9\n" +
                           "[Jan 01 00:00:00] kernel[0] (bad) [Error]: Kernel module bad threw an error: boom\n" +
                           "stack traceback:\n" +
                           "\t[C]: in ?\n" +
                           "[Jan 01 00:00:01] <Syscall Failure> agent:alice[3:0] (open) [Debug]: x: No such file\n";
        var entries = SyslogFile.Parse(log);
        Assert.That(entries, Is.EqualTo(new[]
        {
            new SyslogEntry(SyslogLevel.Info, "Starting Phoenix version 0.0.9"),
            new SyslogEntry(SyslogLevel.Error, "Kernel module bad threw an error: boom\nstack traceback:\n\t[C]: in ?", "bad"),
            new SyslogEntry(SyslogLevel.Debug, "x: No such file", "open", "Syscall Failure"),
        }));
    }

    [Test]
    public void TinyFormat_KeepsLevelAndModule_AndUnescapes()
    {
        var entries = SyslogFile.Parse("4\tbad\tline one\\nline two \\\\ end\n1\t-\thello\n");
        Assert.That(entries, Is.EqualTo(new[]
        {
            new SyslogEntry(SyslogLevel.Error, "line one\nline two \\ end", "bad"),
            new SyslogEntry(SyslogLevel.Info, "hello"),
        }));
    }

    [Test]
    public void UnknownFormat_IsKeptWholeAtInfoLevel()
    {
        Assert.That(SyslogFile.Parse("something else\n"), Is.EqualTo(new[] { new SyslogEntry(SyslogLevel.Info, "something else") }));
    }
}
