using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// Boots the real Phoenix kernel when PHOENIX_KERNEL_DIR names a directory holding its kernel.lua and kernel.lua.d
/// (for example a checkout of Phoenix-ComputerCraft/kernel). Kernel code never enters this repository, so without
/// the variable the test says it did not run.
/// </summary>
public class PhoenixKernelTests
{
    [Test]
    public void Phoenix_BootsAndServesCallmodule()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_KERNEL_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("Did not run: set PHOENIX_KERNEL_DIR to a Phoenix kernel directory (kernel.lua + kernel.lua.d).");
        using var kernel = new CraftOsAdapter(dir).Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua",
            "return { echo = function(process, thread, ...) return ... end }"));
        var result = kernel.Syscall("root", "callmodule", "echo", "echo", 1L, "two");
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new Phoenix.Conformance.Abstractions.Values.LuaValue[] { 1L, "two" }));
    }
}
