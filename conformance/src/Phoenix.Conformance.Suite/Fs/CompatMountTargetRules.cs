using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>PX-FS-MOUNT-ERRORS for the mount point itself (facts §4.2): Phoenix stats the destination and refuses one
/// that exists but is not a directory, before it calls the class's <c>new</c>. The mount-table model never mounts on a
/// file, so this is checked here.</summary>
public sealed class CompatMountTargetRules
{
    [Clause("PX-FS-MOUNT-ERRORS")]
    public void Mount_OntoAFile_IsRefusedAsNotADirectory(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-FS/layerfs.lua", "layerfs").WithFile("/media/file.txt", "not a directory");
        using var kernel = context.Boot(image);
        Check.FailsWith(kernel.Syscall(Modules.Root, "mount", "layerfs", "a", "/media/file.txt"), "Could not mount to /media/file.txt: Not a directory",
            "mount(\"layerfs\", \"a\", \"/media/file.txt\") by root, onto a regular file");
        Check.Succeeds(kernel.Syscall(Modules.Root, "stat", "/media/file.txt"), "stat(\"/media/file.txt\") after the refused mount");
    }
}
