using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Modules;

public class ModuleSyscallTests
{
    private const string Echo = "return { echo = function(process, thread, ...) return process.user, thread.id, select('#', ...), ... end }";

    [Test]
    public void BootModule_CalledThroughCallmodule_GetsProcessThreadAndArgs()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/echo.lua", Echo));
        var result = kernel.Syscall("alice", "callmodule", ["echo", "echo", 1L, LuaValue.Nil, "x", LuaValue.Nil]);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "alice", 0L, 4L, 1L, LuaValue.Nil, "x", LuaValue.Nil }));
    }

    [Test]
    public void UnknownModule_Callmodule_FailsWithPhoenixMessage()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty);
        var result = kernel.Syscall("root", "callmodule", ["nope", "x"]);
        Assert.That(result.ErrorFirstLine, Is.EqualTo("Module 'nope' does not exist"));
    }

    [Test]
    public void RunawayModule_AtBoot_IsAbortedAndBootGoesOn()
    {
        var image = BootImage.Empty
            .WithFile("/lib/modules/a_loop.lua", "while true do end")
            .WithFile("/lib/modules/b_echo.lua", Echo);
        using var kernel = ReferenceKernel.Boot(image, new KernelOptions { Engine = new() { InstructionBudget = 2_000_000 } });
        var list = kernel.Syscall("root", "listmodules", []);
        Assert.That(list.Values[0], Is.EqualTo((LuaValue)new LuaTable(["b_echo"])));
        Assert.That(kernel.Syslog.Entries.Select(e => e.Message), Has.Some.Contains("instruction budget exceeded"));
    }
}
