using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-INFO, FS-NOT-DISPATCHED, FS-UNMOUNT-HOOK: what the kernel keeps to itself and what it asks a mount.</summary>
public sealed class MountRules
{
    [Clause("FS-INFO")]
    public void Mountlist_ReportsWhatInfoReturns_AndInfoGetsOnlySelf(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        var options = LuaTable.Record(("label", "conformance"), ("ro", false));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "info-source", RecordingFs.MountPoint, options), "mount with options");
        kernel.ClearRecording();
        var list = Check.Succeeds(kernel.Syscall("alice", "mountlist"), "mountlist");
        var infos = kernel.Calls("info");
        Check.That(infos.Count >= 1 && infos.All(i => i.Args.Count == 0 && i.SelfIsMount), "info calls during mountlist",
            "calls with self only", string.Join("; ", infos));
        var entry = (list.Count > 0 ? list[0] as LuaTable : null)?.Array.OfType<LuaTable>()
            .FirstOrDefault(e => e[LuaString.From("source")] == "info-source");
        Check.That(entry is not null, "mountlist", "an entry for the recfs mount (source \"info-source\")", list.Count > 0 ? list[0].ToString() : "nothing");
        Check.Equal("recfs", entry![LuaString.From("type")], "mountlist type of the recfs mount (info's first value)");
        Check.Equal(options, entry[LuaString.From("options")], "mountlist options of the recfs mount (info's third value)");
    }

    [Clause("FS-NOT-DISPATCHED")]
    public void MountSyscallsAndCombine_AreNeverDispatchedToTheFilesystem(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        kernel.Syscall("alice", "combine", RecordingFs.MountPoint + "/a", "b");
        kernel.Syscall("alice", "mountlist");
        kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "inner", RecordingFs.MountPoint + "/inner");
        kernel.Syscall(Modules.Root, "unmount", RecordingFs.MountPoint + "/inner");
        var dispatched = kernel.Recording().Where(c => c.Method.StartsWith("dispatched:", StringComparison.Ordinal)).ToArray();
        Check.That(dispatched.Length == 0, "combine, mountlist, mount and unmount on paths inside a recfs mount",
            "no call of the mount's combine/mount/mountlist methods", string.Join("; ", dispatched));
    }

    [Clause("FS-NOT-DISPATCHED")]
    public void Combine_InsideMount_IsComputedByTheKernel(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.Returns(kernel.Syscall("alice", "combine", RecordingFs.MountPoint, "x/../y"), [RecordingFs.MountPoint + "/y"],
            "combine(\"/media/disk\", \"x/../y\")");
        Check.That(kernel.Recording().Count == 0, "combine on a path inside the mount", "no call to the mount", string.Join("; ", kernel.Recording()));
    }

    [Clause("FS-UNMOUNT-HOOK")]
    public void MountWithUnmountMethod_Unmount_CallsItWithTheProcess(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", RecordingFs.MountPoint), "unmount(\"/media/disk\")");
        var hooks = kernel.Calls("unmount");
        Check.That(hooks.Count == 1 && hooks[0].SelfIsMount && hooks[0].User == "root", "unmount of a recfs mount",
            "one call of its unmount method, as a ':' call with root's process", string.Join("; ", hooks));
    }

    [Clause("FS-UNMOUNT-HOOK")]
    public void MountWithoutUnmountMethod_UnmountsNormally(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "FS-NEW-RESULT/prebuiltfs.lua", "prebuiltfs").WithDirectory("/media/disk");
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "prebuiltfs", "p", "/media/disk"), "mount(\"prebuiltfs\", …)");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", "/media/disk"), "unmount of a mount without an unmount method");
        var listed = kernel.Syscall("alice", "list", "/media/disk");
        Check.That(!(listed.Succeeded && listed.Values.Count > 0 && listed.Values[0].Equals(new LuaTable(["prebuilt"]))),
            "list(\"/media/disk\") after unmount", "the mount to be gone", "prebuiltfs still answers");
    }
}
