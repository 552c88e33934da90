using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// A module whose top-level chunk never yields, as on a real computer (facts §10 B14): the watchdog's first stage
/// raises "Too long without yielding" inside it, the kernel's pcall around the load catches it and logs it, and the
/// boot goes on. Tiny, our look-alike of Phoenix's loader, runs in CI; Phoenix 0.0.9 when PHOENIX_KERNEL_DIR is set.
/// </summary>
public class LoopingModuleTests
{
    private static readonly BootImage Image = BootImage.Empty
        .WithFile("/lib/modules/aaloop.lua", "while true do end")
        .WithFile("/lib/modules/echo.lua", "return { echo = function(process, thread, ...) return ... end }");

    [Test]
    public void Tiny_LogsTheWatchdogError_AndBootsOn()
    {
        using var kernel = new CraftOsAdapter(RepositoryPaths.TinyKernel).Boot(Image);
        AssertBootWentOn(kernel, "threw an error");
    }

    [Test]
    public void Phoenix_LogsThrewAnError_AndBootsOn()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("Did not run: set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d).");
        using var kernel = new CraftOsAdapter(dir).Boot(Image);
        AssertBootWentOn(kernel, "threw an error");
    }

    private static void AssertBootWentOn(IKernel kernel, string loaderWords)
    {
        var log = kernel.ReadSyslog();
        var line = log.FirstOrDefault(e => e.Message.Contains("Too long without yielding", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(line, Is.Not.Null, "no watchdog error in the syslog:\n" + string.Join("\n", log.Select(e => e.Message)));
            Assert.That(line?.Message, Does.Contain(loaderWords));
            Assert.That(kernel.Syscall("root", "callmodule", "echo", "echo", 5L).Values, Is.EqualTo(new LuaValue[] { 5L }));
        });
    }
}
