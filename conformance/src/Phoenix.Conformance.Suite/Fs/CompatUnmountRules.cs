using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// PX-FS-MOUNT-ERRORS for unmount and the root check (facts §4.2, §4.3): the kernel asks the top layer for the stat
/// of its own root and refuses when there is none; a caller is root only when its user name is exactly "root", so
/// "ROOT" needs write permission like anybody else. layerfs (fixtures/PX-FS/layerfs.lua) has a root that only root
/// may write, or none at all for a source starting with "!".
/// </summary>
public sealed class CompatUnmountRules
{
    private const string Disk = "/media/disk";

    [Clause("PX-FS-MOUNT-ERRORS")]
    public void Unmount_OfAFilesystemWithoutARoot_FailsWithTheInternalError_AndKeepsIt(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "layerfs", "!rootless", Disk), "mount(\"layerfs\", \"!rootless\", \"/media/disk\")");
        Check.FailsWith(kernel.Syscall(Modules.Root, "unmount", Disk),
            "Internal error in unmount: could not get stat for root! Please report this to the maintainer of the target filesystem.",
            "unmount(\"/media/disk\") by root, layerfs without a root");
        Check.Returns(kernel.Syscall("alice", "open", Disk + "/x", "r"), [global::Phoenix.Values.LuaValue.Nil, "layer !rootless"],
            "open(\"/media/disk/x\", \"r\") after the refused unmount (layerfs still answers)");
    }

    [Clause("PX-FS-MOUNT-ERRORS")]
    public void UserNamedRootInCapitals_IsNotRoot(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "layerfs", "a", Disk), "mount(\"layerfs\", \"a\", \"/media/disk\") by root");
        Check.FailsWith(kernel.Syscall("ROOT", "unmount", Disk), "media/disk: Permission denied", "unmount(\"/media/disk\") by ROOT (layerfs's root: world r-x)");
        Check.FailsWith(kernel.Syscall("ROOT", "mount", "tmpfs", "x", "/"), "Could not mount to /: Permission denied", "mount(\"tmpfs\", \"x\", \"/\") by ROOT");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unmount", Disk), "unmount(\"/media/disk\") by root (no per-user entry, world r-x)");
    }

    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty.WithModule(context, "PX-FS/layerfs.lua", "layerfs").WithDirectory(Disk));
}
