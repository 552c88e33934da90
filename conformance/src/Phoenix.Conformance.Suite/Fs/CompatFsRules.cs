using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>COMPAT: Phoenix 0.0.9's filesystem behaviour where the page is silent (facts §4).</summary>
public sealed class CompatFsRules
{
    private const string Disk = RecordingFs.MountPoint;

    [Clause("PX-FS-NO-SUCH-FILESYSTEM")]
    public void UnknownType_Mount_FailsWithPhoenixMessage(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.FailsWith(kernel.Syscall(Modules.Root, "mount", "nofs", "x", Disk), "No such filesystem 'nofs'", "mount(\"nofs\", …)");
    }

    [Clause("PX-FS-MOUNT-EXISTS")]
    public void SecondMountWithoutOverlay_FailsWithPhoenixMessage(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.FailsWith(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "again", Disk),
            "Mount already exists (use overlay to mount over)", "a second mount at /media/disk");
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "again", Disk, LuaTable.Record(("overlay", true))),
            "the same mount with options.overlay");
    }

    [Clause("PX-FS-OVERLAY")]
    public void Overlay_NeedsABase_AndTheBaseServesPathsItHas(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        var overlay = LuaTable.Record(("overlay", true));
        Check.FailsWith(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "top", Disk, overlay),
            "No base mount exists for overlay", "an overlay with nothing under it");
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "base", Disk), "the base mount");
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "top", Disk, overlay), "the overlay mount");
        kernel.ClearRecording();
        kernel.Syscall("alice", "list", Disk + "/docs");
        var lists = kernel.Calls("list");
        Check.That(lists.Any(c => c.Mount == "base"), "list through an overlay where both layers have the path",
            "the base layer to take part", string.Join("; ", lists));
        kernel.ClearRecording();
        kernel.Syscall("alice", "remove", Disk + "/docs/x");
        var removes = kernel.Calls("remove");
        Check.That(removes.Count == 1 && removes[0].Mount == "base", "remove through an overlay", "the base layer to serve it", string.Join("; ", removes));
    }

    [Clause("PX-FS-OVERLAY")]
    public void Overlay_FirstLayerThatHasThePathServesIt_TheBaseWhenNoneHas_AndListsMerge(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "base", Disk), "the base mount");
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "top", Disk, LuaTable.Record(("overlay", true))), "the overlay mount");
        // recfs's stat finds nothing under "missing-<source>" for that layer, nothing under "missing-all" for any.
        foreach (var (path, layer) in new[] { ("missing-base/x", "top"), ("missing-all/x", "base"), ("missing-top/x", "base") })
        {
            kernel.ClearRecording();
            kernel.Syscall("alice", "remove", $"{Disk}/{path}");
            var removes = kernel.Calls("remove");
            Check.That(removes.Count == 1 && removes[0].Mount == layer, $"remove(\"{Disk}/{path}\") through the overlay",
                $"the {layer} layer to serve it", string.Join("; ", removes));
        }
        Check.Returns(kernel.Syscall("alice", "list", Disk + "/docs"), [new LuaTable(["recorded"])], "list through the overlay (both layers list \"recorded\")");
    }

    [Clause("PX-FS-MOUNTLIST-SHAPE")]
    public void Mountlist_EntriesHaveAbsolutePathTypeSourceOptions(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        var list = Check.Succeeds(kernel.Syscall("alice", "mountlist"), "mountlist")[0] as LuaTable;
        var paths = list?.Array.OfType<LuaTable>().Select(e => e[LuaString.From("path")]).ToArray() ?? [];
        Check.That(paths.Contains("/") && paths.Contains(Disk), "mountlist paths", "\"/\" and \"/media/disk\"", string.Join(", ", paths));
        var disk = list!.Array.OfType<LuaTable>().First(e => e[LuaString.From("path")] == Disk);
        Check.Equal("recfs", disk[LuaString.From("type")], "type field of the /media/disk entry");
        Check.Equal("disk", disk[LuaString.From("source")], "source field of the /media/disk entry");
        Check.That(disk[LuaString.From("options")] is LuaTable, "options field of the /media/disk entry", "a table", disk[LuaString.From("options")].ToString());
    }

    [Clause("PX-FS-STAT-MOUNTPOINT")]
    public void Stat_AddsTheMountpoint(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        var inside = Check.Succeeds(kernel.Syscall("alice", "stat", Disk + "/x"), "stat inside the mount")[0] as LuaTable;
        Check.Equal(Disk, inside?[LuaString.From("mountpoint")] ?? LuaValue.Nil, "mountpoint of a path inside /media/disk");
        var root = Check.Succeeds(kernel.Syscall("alice", "stat", "/media"), "stat on the root filesystem")[0] as LuaTable;
        Check.Equal("/", root?[LuaString.From("mountpoint")] ?? LuaValue.Nil, "mountpoint of /media");
    }

    // Phoenix calls stat(process, relative, nolink) with nolink even when the caller gave none, so a mount counting
    // its arguments (select("#", ...)) sees two; a kernel that repacks the arguments through {...} drops the nil.
    [Clause("PX-FS-STAT-NOLINK")]
    public void Stat_WithoutNolink_PassesItAsNil(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.Succeeds(kernel.Syscall("alice", "stat", Disk + "/d"), "stat(\"/media/disk/d\")");
        var call = kernel.SingleCall("stat", "stat(\"/media/disk/d\")");
        Check.That(call.Args.Count == 2 && call.Args[0] == "d" && call.Args[1] is LuaNil, "the mount's stat for stat(\"/media/disk/d\")",
            "(\"d\", nil): two arguments after the process", string.Join(", ", call.Args) + $" ({call.Args.Count} arguments)");
    }

    [Clause("PX-FS-RENAME-ACROSS")]
    public void RenameBetweenMounts_FailsWithPhoenixMessage(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.FailsWith(kernel.Syscall(Modules.Root, "rename", Disk + "/a", "/media/other/b"),
            "Attempt to rename file across two filesystems", "rename from /media/disk to the root filesystem");
        Check.That(kernel.Calls("rename").Count == 0, "rename across mounts", "no call of the mount's rename", "it was called");
    }

    [Clause("PX-FS-LINK-FIFO-PROBED")]
    public void LinkAndMkfifo_OnFilesystemWithoutThem_SayUnsupported(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "FS-NEW-RESULT/prebuiltfs.lua", "prebuiltfs").WithDirectory(Disk);
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "prebuiltfs", "p", Disk), "mount(\"prebuiltfs\", …)");
        Check.FailsWith(kernel.Syscall("alice", "link", Disk + "/l", "/etc"), "Filesystem does not support links", "link on prebuiltfs");
        Check.FailsWith(kernel.Syscall("alice", "mkfifo", Disk + "/p"), "Filesystem does not support FIFOs", "mkfifo on prebuiltfs");
    }

    [Clause("PX-FS-OPEN-MODE")]
    public void Open_WithInvalidMode_FailsBeforeReachingTheMount(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var mode in new[] { "x", "rw", "r+", "" })
        {
            Check.FailsWith(kernel.Syscall("alice", "open", Disk + "/f", mode), "Invalid mode", $"open with mode \"{mode}\"");
        }
        Check.That(kernel.Calls("open").Count == 0, "open with invalid modes", "no call of the mount's open", "it was called");
    }

    [Clause("PX-FS-NONROOT-MOUNT")]
    public void NonRootUser_MountsOnlyWhereItCanWrite(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall("alice", "mount", RecordingFs.Type, "mine", "/home/alice"), "alice mounting on /home/alice (hers)");
        Check.FailsWith(kernel.Syscall("alice", "mount", RecordingFs.Type, "x", Disk), "Permission denied", "alice mounting on root-owned /media/disk");
        Check.FailsWith(kernel.Syscall("alice", "mount", RecordingFs.Type, "x", "/", LuaTable.Record(("overlay", true))), "Permission denied", "alice mounting on /");
    }
}
