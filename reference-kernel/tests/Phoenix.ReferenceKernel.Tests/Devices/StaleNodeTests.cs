using Phoenix.ReferenceKernel.Boot;
using Phoenix.ComputerCraft.Peripherals;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Devices;

public class StaleNodeTests
{
    // A driver whose init keeps the node, and an API that tries to bind the driver to it again later.
    private const string Module = """
        local kept
        local d = { name = "keeper", type = "mydevice", properties = {}, methods = {},
            init = function(node) kept = node end }
        registerDriver(d)
        return { rebind = function() return conformanceBind(kept, d) end }
        """;

    [Test]
    public void BindingToANodeThatLeftTheTree_FailsWithInvalidNode()
    {
        // Module code cannot reach the kernel's binding step; this variant kernel hands it out to test the guard.
        var options = new KernelOptions
        {
            ExtraScripts = [new KernelScript("expose-bind",
                "local env, host, kernel = ...\nenv.conformanceBind = function(node, driver) return pcall(kernel.bindDriver, node, driver) end")],
        };
        var image = BootImage.Empty
            .WithFile("/lib/modules/keeper.lua", Module)
            .WithPeripheral(PeripheralSpec.Device("left", "mydevice"));
        using var kernel = ReferenceKernel.Boot(image, options);
        kernel.DetachPeripheral("left");
        var result = kernel.Syscall("root", "callmodule", ["keeper", "rebind"]);
        Assert.That(result.Values[0], Is.EqualTo((LuaValue)false), result.ToString());
        Assert.That(((LuaString)result.Values[1]).Text, Does.Contain("bad argument #1 (invalid node)"));
    }
}
