using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Limits;

public class TmpFsLimitTests
{
    private static readonly BootImage Image = BootImage.Empty.WithFile("/tmp/.keep", "");

    [Test]
    public void ManySmallWrites_BuildTheFile()
    {
        using var kernel = ReferenceKernel.Boot(Image);
        var result = kernel.RunUserChunk("root",
            "local f = syscall.open('/tmp/log', 'w') for i = 1, 2000 do f.write(i % 10) end f.write('!') f.close() " +
            "local r = syscall.open('/tmp/log', 'r') local all = r.readAll() r.close() return #all, all:sub(1, 12), all:sub(-2)", []);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { 2001L, "123456789012", "0!" }), result.ErrorText);
        Assert.That(kernel.Syscall("root", "stat", ["/tmp/log"]).Values[0] is LuaTable stat && stat["size"] == (LuaValue)2001L);
    }

    [Test]
    public void WritingPastTheQuota_FailsOutOfSpace_KeepsWhatFit_AndTheKernelGoesOn()
    {
        using var kernel = ReferenceKernel.Boot(Image, new KernelOptions { TmpFsQuotaBytes = 1024 * 1024 });
        var result = kernel.RunUserChunk("root",
            "local f = syscall.open('/tmp/big', 'w') local s = string.rep('x', 65536) for i = 1, 100 do f.write(s) end", []);
        Assert.That(result.ErrorFirstLine, Does.Contain("Out of space"));
        var size = kernel.RunUserChunk("root", "return syscall.stat('/tmp/big').size", []);
        Assert.That(size.Values, Is.EqualTo(new LuaValue[] { 16L * 65536 }), size.ErrorText);
        Assert.That(kernel.RunUserChunk("root", "syscall.remove('/tmp/big') local f = syscall.open('/tmp/small', 'w') f.write('ok') f.close() return true", []).Values,
            Is.EqualTo(new LuaValue[] { true }), "removing a file gives its space back");
    }
}
