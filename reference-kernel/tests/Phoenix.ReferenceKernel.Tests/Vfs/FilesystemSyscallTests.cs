using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Vfs;

public class FilesystemSyscallTests
{
    private static ReferenceKernel Boot() => ReferenceKernel.Boot(BootImage.Empty
        .WithFile("/etc/motd", "hello")
        .WithDirectory("/mnt")
        .WithDirectory("/home/alice", owner: "alice"));

    [Test]
    public void Stat_OfRootFile_HasPhoenixFieldsAndMountpoint()
    {
        using var kernel = Boot();
        var stat = (LuaTable)kernel.Syscall("alice", "stat", ["/etc/motd"]).Values[0];
        Assert.Multiple(() =>
        {
            Assert.That(stat[LuaString.From("type")], Is.EqualTo((LuaValue)"file"));
            Assert.That(stat[LuaString.From("size")], Is.EqualTo((LuaValue)5L));
            Assert.That(stat[LuaString.From("owner")], Is.EqualTo((LuaValue)"root"));
            Assert.That(stat[LuaString.From("mountpoint")], Is.EqualTo((LuaValue)"/"));
        });
    }

    [Test]
    public void Mount_Tmpfs_ThenMountlistAndStatSeeIt()
    {
        using var kernel = Boot();
        Assert.That(kernel.Syscall("root", "mount", ["tmpfs", "scratch", "/mnt"]).Succeeded, Is.True);
        Assert.That(kernel.Syscall("root", "mkdir", ["/mnt/dir"]).Succeeded, Is.True);
        var stat = (LuaTable)kernel.Syscall("root", "stat", ["/mnt/dir"]).Values[0];
        Assert.That(stat[LuaString.From("mountpoint")], Is.EqualTo((LuaValue)"/mnt"));
        var list = (LuaTable)kernel.Syscall("root", "mountlist", []).Values[0];
        Assert.That(list.Array.Select(e => ((LuaTable)e)[LuaString.From("path")]), Is.EquivalentTo(new LuaValue[] { "/", "/mnt" }));
        Assert.That(kernel.Syscall("root", "list", ["/mnt"]).Values[0], Is.EqualTo((LuaValue)new LuaTable(["dir"])));
    }

    [Test]
    public void Mount_Twice_WithoutOverlay_FailsWithPhoenixMessage()
    {
        using var kernel = Boot();
        kernel.Syscall("root", "mount", ["tmpfs", "a", "/mnt"]);
        Assert.That(kernel.Syscall("root", "mount", ["tmpfs", "b", "/mnt"]).ErrorFirstLine,
            Is.EqualTo("Could not mount to /mnt: Mount already exists (use overlay to mount over)"));
    }

    [Test]
    public void Combine_IsHandledByKernel()
    {
        using var kernel = Boot();
        Assert.That(kernel.Syscall("alice", "combine", ["/a/b", "../c", "d"]).Values[0], Is.EqualTo((LuaValue)"/a/c/d"));
    }

    [Test]
    public void Mkdir_InDirectoryOwnedByOther_IsRefusedForNonRoot()
    {
        using var kernel = Boot();
        Assert.That(kernel.Syscall("alice", "mkdir", ["/etc/x"]).ErrorFirstLine, Does.EndWith("Permission denied"));
        Assert.That(kernel.Syscall("alice", "mkdir", ["/home/alice/x"]).Succeeded, Is.True);
    }
}
