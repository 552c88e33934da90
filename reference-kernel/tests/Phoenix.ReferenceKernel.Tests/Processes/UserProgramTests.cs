using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Processes;

public class UserProgramTests
{
    private const string Runner =
        "return { run = function(process, thread, f, ...) return userModeCallback(process, f, ...) end, " +
        "me = function(process) return process end }";

    private static ReferenceKernel Boot() => ReferenceKernel.Boot(BootImage.Empty.WithFile("/lib/modules/umc.lua", Runner));

    [Test]
    public void Program_CallsSyscallsLikeFunctions()
    {
        using var kernel = Boot();
        var result = kernel.RunUserChunk("alice", "return syscall.getuser(), syscall('getpid'), ...", [7L]);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "alice", 1L, 7L }), result.ErrorText);
    }

    [Test]
    public void Program_SeesNoKernelGlobals()
    {
        using var kernel = Boot();
        var result = kernel.RunUserChunk("alice", "return type(modules), type(syscalls), type(KERNEL), type(filesystems), type(userModeCallback)", []);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "nil", "nil", "nil", "nil", "nil" }));
    }

    [Test]
    public void Callback_RunsAsCallersThread_WithItsSyscalls()
    {
        using var kernel = Boot();
        var result = kernel.RunUserChunk("alice",
            "return syscall.callmodule('umc', 'run', function(x) return syscall.getuser() .. x, 'dropped' end, '!')", []);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { true, "alice!" }), result.ErrorText);
    }

    [Test]
    public void Callback_ThatErrors_ReturnsFalseAndMessage()
    {
        using var kernel = Boot();
        var result = kernel.RunUserChunk("alice", "return syscall.callmodule('umc', 'run', function() error('boom', 0) end)", []);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { false, "boom" }), result.ErrorText);
    }

    [Test]
    public void RunawayProgram_IsStopped_AndKernelGoesOn()
    {
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, new KernelOptions { Engine = new() { InstructionBudget = 1_000_000 } });
        var result = kernel.RunUserChunk("alice", "while true do end", []);
        Assert.That(result.ErrorFirstLine, Does.Contain("instruction budget exceeded"));
        Assert.That(kernel.RunUserChunk("alice", "return 1", []).Values, Is.EqualTo(new LuaValue[] { 1L }));
    }
}
