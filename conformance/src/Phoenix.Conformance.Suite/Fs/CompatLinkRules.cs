using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>COMPAT: link refuses a link to itself before any mount sees it (Phoenix compares the two arguments after
/// fs.combine, so spellings of one path count as the same), and passes any other location raw (facts §4.5).</summary>
public sealed class CompatLinkRules
{
    [Clause("PX-FS-LINK-SELF")]
    public void LinkToItself_IsRefusedBeforeTheMount(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var (path, location) in new[] { ("/media/disk/l", "/media/disk/l"), ("/media/disk/l", "/media/disk/./l"), ("/media/disk/a/../l", "/media/disk/l/") })
        {
            Check.FailsWith(kernel.Syscall("alice", "link", path, location), "Cannot link file to itself", $"link(\"{path}\", \"{location}\")");
        }
        Check.That(kernel.Calls("link").Count == 0, "links to themselves", "no call of the mount's link", string.Join("; ", kernel.Calls("link")));
    }

    [Clause("PX-FS-LINK-SELF")]
    public void LinkLocation_ReachesTheMountAsGiven(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var location in new[] { "/media/disk/target", "../x/./y", "/etc//motd" })
        {
            kernel.ClearRecording();
            kernel.Syscall("alice", "link", "/media/disk/l", location);
            var got = kernel.SingleCall("link", $"link(\"/media/disk/l\", \"{location}\")");
            Check.That(got.Args.Count >= 2 && got.Args[0] == "l" && got.Args[1] == location, $"link(\"/media/disk/l\", \"{location}\")",
                $"method arguments (\"l\", \"{location}\")", $"({string.Join(", ", got.Args)})");
        }
    }
}
