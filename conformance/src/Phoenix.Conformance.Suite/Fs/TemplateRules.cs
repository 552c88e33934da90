using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>The page's filesystem template, filled in (fixtures/FS-TEMPLATE/memfs.lua), mounted and used through every
/// filesystem syscall: what a module author following the page gets.</summary>
public sealed class TemplateRules
{
    private const string Disk = "/media/disk";

    private static IKernel BootWithTemplate(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "FS-TEMPLATE/memfs.lua", "memfs")
            .WithModule(context, "FS-TEMPLATE/fsclient.lua", "fsclient")
            .WithDirectory(Disk);
        var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "myfs", "template", Disk), "mount(\"myfs\", \"template\", \"/media/disk\")");
        return kernel;
    }

    [Clause("FS-METHODS")]
    public void PageTemplate_UsedThroughEveryV1Syscall_Works(RuleContext context)
    {
        using var kernel = BootWithTemplate(context);
        Check.Succeeds(kernel.Syscall("alice", "mkdir", Disk + "/docs"), "mkdir");
        Check.Returns(kernel.CallModule("alice", "fsclient", "writeFile", Disk + "/docs/a.txt", "hello\nworld"), [true], "open(…, \"w\") and write");
        Check.Returns(kernel.CallModule("alice", "fsclient", "readFile", Disk + "/docs/a.txt"), ["hello\nworld"], "open(…, \"r\") and readAll");
        Check.Returns(kernel.Syscall("alice", "list", Disk + "/docs"), [new LuaTable(["a.txt"])], "list");
        var stat = Check.Succeeds(kernel.Syscall("alice", "stat", Disk + "/docs/a.txt"), "stat");
        Check.Equal("file", stat.Count > 0 && stat[0] is LuaTable t ? t[LuaString.From("type")] : LuaValue.Nil, "stat type");
        Check.Succeeds(kernel.Syscall("alice", "rename", Disk + "/docs/a.txt", Disk + "/docs/b.txt"), "rename");
        Check.Returns(kernel.Syscall("alice", "list", Disk + "/docs"), [new LuaTable(["b.txt"])], "list after rename");
        Check.Succeeds(kernel.Syscall("root", "chmod", Disk + "/docs/b.txt", "alice", "rw-"), "chmod");
        Check.Succeeds(kernel.Syscall("root", "chown", Disk + "/docs/b.txt", "bob"), "chown");
        var owner = Check.Succeeds(kernel.Syscall("alice", "stat", Disk + "/docs/b.txt"), "stat after chown");
        Check.Equal("bob", owner.Count > 0 && owner[0] is LuaTable o ? o[LuaString.From("owner")] : LuaValue.Nil, "owner after chown");
        Check.Succeeds(kernel.Syscall("alice", "remove", Disk + "/docs/b.txt"), "remove");
        Check.Returns(kernel.Syscall("alice", "list", Disk + "/docs"), [new LuaTable()], "list after remove");
    }

    [Clause("FS-METHODS-V2")]
    public void PageTemplate_LinkAndMkfifo_Work(RuleContext context)
    {
        using var kernel = BootWithTemplate(context);
        Check.Succeeds(kernel.Syscall("alice", "link", Disk + "/shortcut", "/etc/motd"), "link");
        Check.Succeeds(kernel.Syscall("alice", "mkfifo", Disk + "/pipe"), "mkfifo");
        Check.Returns(kernel.Syscall("alice", "list", Disk), [new LuaTable(["pipe", "shortcut"])], "list after link and mkfifo");
    }
}
