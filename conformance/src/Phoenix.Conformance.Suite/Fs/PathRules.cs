using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Generators;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-RELATIVE-PATH: "paths are relative to the mount. (For example, if a mount is at /media/disk, a call
/// to stat("/media/disk/dir/file.txt") will pass dir/file.txt to the /media/disk mount object.)"</summary>
public sealed class PathRules
{
    [Clause("FS-RELATIVE-PATH")]
    public void PagesExample_StatInsideMount_PassesPathRelativeToMount(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        kernel.Syscall("root", "stat", "/media/disk/dir/file.txt");
        var call = kernel.SingleCall("stat", "stat calls");
        Check.Equal("dir/file.txt", call.Args[0], "path the mount at /media/disk gets for stat(\"/media/disk/dir/file.txt\")");
    }

    [Clause("FS-RELATIVE-PATH")]
    public void MountPointItself_PassesEmptyRelativePath(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var path in new[] { "/media/disk", "/media/disk/", "/media/disk/dir/.." })
        {
            kernel.ClearRecording();
            kernel.Syscall("root", "stat", path);
            Check.Equal("", kernel.SingleCall("stat", "stat calls").Args[0], $"path the mount gets for stat(\"{path}\")");
        }
    }

    [Clause("FS-RELATIVE-PATH")]
    public void GeneratedLayoutsAndPaths_ReachInnermostMount_WithModelRelativePath(RuleContext context) =>
        PropertyCheck.ForAll(context, PathGenerators.Layouts(), layout => AssertLayout(context, layout), cases: 40);

    private static void AssertLayout(RuleContext context, MountLayout layout)
    {
        var image = BootImage.Empty.WithRecfs(context);
        image = PathGenerators.Candidates.Aggregate(image, (i, dir) => i.WithDirectory(dir));
        using var kernel = context.Boot(image);
        foreach (var mount in layout.MountPoints)
        {
            // The source names the mount, so the log says which mount object got each call.
            Check.Succeeds(kernel.Syscall(Modules.Root, "mount", RecordingFs.Type, mount, mount), $"mount recfs at {mount} ({layout})");
        }
        foreach (var path in layout.Paths)
        {
            kernel.ClearRecording();
            kernel.Syscall(Modules.Root, "stat", path);
            var stats = kernel.Calls("stat");
            var expected = PathModel.Resolve(path, layout.MountPoints);
            if (expected is null)
            {
                Check.That(stats.Count == 0, $"stat(\"{path}\") with {layout}", "the root filesystem to serve it", $"recfs got {string.Join("; ", stats)}");
                continue;
            }
            var (mount, relative) = expected.Value;
            Check.That(stats.Count == 1 && stats[0].Mount == mount && stats[0].Args.Count > 0 && stats[0].Args[0] == relative,
                $"stat(\"{path}\") with {layout}", $"the mount at {mount} to get \"{relative}\"",
                stats.Count == 0 ? "no recfs call" : string.Join("; ", stats));
        }
    }
}
