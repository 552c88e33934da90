using System.Text;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;
using Phoenix.Testing.Snapshots;

namespace Phoenix.ReferenceKernel.Tests.Vfs;

/// <summary>The calls the recording filesystem (fixtures/FS-METHODS/recfs.lua) receives for a scripted sequence that
/// touches every method, pinned as a snapshot: a change in how the reference kernel dispatches shows up as a diff.</summary>
public class RecordedDispatchTranscriptTests
{
    private static string Fixture(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", path));

    [Test]
    public void EveryFilesystemSyscall_OnARecordingMount_GivesThisTranscript()
    {
        var image = BootImage.Empty.WithFile("/lib/modules/recfs.lua", Fixture("FS-METHODS/recfs.lua")).WithDirectory("/media/disk");
        using var kernel = ReferenceKernel.Boot(image);
        (string Name, LuaValue[] Args)[] script =
        [
            ("mount", ["recfs", "disk", "/media/disk", LuaTable.Record(("label", "demo"))]),
            ("open", ["/media/disk/notes/a.txt", "w"]),
            ("list", ["/media/disk/notes"]),
            ("stat", ["/media/disk/notes/../notes/a.txt"]),
            ("mkdir", ["/media/disk/new"]),
            ("rename", ["/media/disk/new", "/media/disk/old"]),
            ("remove", ["/media/disk/old"]),
            ("chmod", ["/media/disk/notes/a.txt", "alice", "rw-"]),
            ("chown", ["/media/disk/notes/a.txt", "bob"]),
            ("link", ["/media/disk/l", "/etc/motd"]),
            ("mkfifo", ["/media/disk/pipe"]),
            ("combine", ["/media/disk", "x"]),
            ("mountlist", []),
            ("unmount", ["/media/disk"]),
        ];
        var transcript = new StringBuilder();
        foreach (var (name, args) in script)
        {
            var user = name is "mount" or "unmount" or "chmod" or "chown" ? "root" : "alice";
            var result = kernel.Syscall(user, name, args);
            transcript.Append($"{user}: {name}({string.Join(", ", args.Select(a => a.ToString()))}) -> {(result.Succeeded ? "ok" : "error " + result.ErrorFirstLine)}\n");
        }
        // The recording module keeps the log; reading it does not touch the mount.
        var log = (LuaTable)kernel.Syscall("root", "callmodule", ["recfs", "log"]).Values[0];
        transcript.Append("-- calls the mount objects received:\n");
        foreach (var entry in log.Array.OfType<LuaTable>())
        {
            LuaValue Field(string key) => entry[LuaString.From(key)];
            var packed = (LuaTable)Field("args");
            var count = packed[LuaString.From("n")] is LuaInteger n ? (int)n.Value : 0;
            var args = Enumerable.Range(1, count).Select(i => packed[new LuaInteger(i)].ToString());
            transcript.Append($"{Field("method")} mount={Field("mount")} user={Field("user")} ({string.Join(", ", args)})\n");
        }
        Snapshot.Match(transcript.ToString(), nameof(RecordedDispatchTranscriptTests));
    }
}
