using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>PX-FS-MOUNT-ERRORS at the root: Phoenix keeps the boot's root mount in the mount table like any other, so a
/// second mount on "/" without overlay is refused as "already there", for root too (facts §4.2 steps 4 and 6).</summary>
public sealed class CompatRootMountRules
{
    [Clause("PX-FS-MOUNT-ERRORS")]
    public void MountOnTheRootWithoutOverlay_IsRefused_AndTheRootStillServes(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        foreach (var dest in new[] { "/", "/media/..", "//" })
        {
            Check.FailsWith(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "over-root", dest),
                $"Could not mount to {dest}: Mount already exists (use overlay to mount over)", $"root: mount(\"recfs\", \"over-root\", \"{dest}\")");
        }
        kernel.ClearRecording();
        Check.Succeeds(kernel.Syscall("alice", "stat", "/media"), "stat(\"/media\") after the refused mounts");
        Check.That(kernel.Recording().Count == 0, "stat(\"/media\") after the refused mounts", "the boot's root filesystem to serve it",
            string.Join("; ", kernel.Recording()));
    }

    [Clause("PX-FS-MOUNT-ERRORS")]
    public void UnmountByAUserWhoCannotWriteTheMountsRoot_IsRefused(RuleContext context)
    {
        // A tmpfs root belongs to whoever mounted it, world r-x (facts §4.7, §4.9); unmount asks for write (§4.3).
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "tmpfs", "t", "/media/other"), "root: mount(\"tmpfs\", \"t\", \"/media/other\")");
        Check.FailsWith(kernel.Syscall("alice", "unmount", "/media/other"), "media/other: Permission denied", "alice: unmount(\"/media/other\")");
        Check.FailsWith(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, "again", "/media/other"), "Mount already exists",
            "root: mount on /media/other after alice's refused unmount (still mounted)");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", "/media/other"), "root: unmount(\"/media/other\")");
    }

    [Clause("PX-FS-MOUNT-ERRORS")]
    public void UnmountWhereNothingIsMounted_FailsWithTheRealPath(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.FailsWith(kernel.Syscall(Modules.Root, "unmount", "/media/other/"), "media/other: No such mount", "unmount(\"/media/other/\")");
        Check.FailsWith(kernel.Syscall(Modules.Root, "unmount", "/media/disk/x"), "media/disk/x: No such mount", "unmount(\"/media/disk/x\") (inside a mount)");
    }
}
