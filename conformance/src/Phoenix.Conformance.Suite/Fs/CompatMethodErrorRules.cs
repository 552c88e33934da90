using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>COMPAT: a mount method's error reaches the caller as raised (Phoenix re-raises anything but its symlink
/// table at level 2, which adds no position to a non-string; facts §1.3, §4.5).</summary>
public sealed class CompatMethodErrorRules
{
    [Clause("PX-FS-METHOD-ERRORS")]
    public void MountMethodErrors_OfEveryKind_ReachTheCaller(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-FS/raisefs.lua", "raisefs").WithDirectory(RecordingFs.MountPoint);
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "raisefs", "raise", RecordingFs.MountPoint), "mount(\"raisefs\", …)");
        foreach (var user in new[] { "alice", Modules.Root })
        {
            foreach (var method in new[] { "list", "mkdir", "remove" })
            {
                foreach (var kind in RaisedErrors.Kinds)
                {
                    var path = $"{RecordingFs.MountPoint}/{kind}/x";
                    RaisedErrors.Check(kernel.Syscall(user, method, path), kind, "raisefs", "fs", $"{method}(\"{path}\") as {user}");
                }
            }
        }
    }

    [Clause("PX-FS-METHOD-ERRORS")]
    public void MountMethodTableError_ReachesAUserProgramAsThatTable(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "PX-FS/raisefs.lua", "raisefs").WithDirectory(RecordingFs.MountPoint);
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "raisefs", "raise", RecordingFs.MountPoint), "mount(\"raisefs\", …)");
        const string program =
            "local ok, e = pcall(syscall.list, '/media/disk/table') " +
            "return ok, type(e), type(e) == 'table' and e.code or tostring(e), type(e) == 'table' and e.reason or nil";
        Check.Returns(kernel.Program("alice", program), [false, "table", 42L, "a table error"],
            "pcall(syscall.list, '/media/disk/table') in alice's program: ok, type, code, reason");
    }
}
