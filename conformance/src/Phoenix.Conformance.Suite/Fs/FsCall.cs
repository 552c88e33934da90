using Phoenix.Values;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>One filesystem syscall made on a path inside the recfs mount, and the arguments (after self and
/// process) its mount method must receive: the syscall's own, with paths relative to the mount.</summary>
public sealed record FsCall(string Method, LuaValue[] SyscallArgs, LuaValue[] MethodArgs, bool V2Only = false)
{
    private const string M = RecordingFs.MountPoint;

    /// <summary>Every dispatched method of the page: the v1 eight, then link and mkfifo (v2).</summary>
    public static readonly IReadOnlyList<FsCall> All =
    [
        new("open", [M + "/f.txt", "r"], ["f.txt", "r"]),
        new("list", [M + "/d"], ["d"]),
        new("stat", [M + "/d"], ["d"]),
        new("remove", [M + "/f.txt"], ["f.txt"]),
        new("rename", [M + "/a", M + "/b"], ["a", "b"]),
        new("mkdir", [M + "/n"], ["n"]),
        new("chmod", [M + "/f.txt", "alice", "rw-"], ["f.txt", "alice", "rw-"]),
        new("chown", [M + "/f.txt", "bob"], ["f.txt", "bob"]),
        new("link", [M + "/l", "/target"], ["l", "/target"], V2Only: true),
        new("mkfifo", [M + "/p"], ["p"], V2Only: true),
    ];

    public static IEnumerable<FsCall> For(Profile profile) => All.Where(c => !c.V2Only || profile == Profile.V2);

    /// <summary>Whether a recorded call got exactly these arguments; trailing extra arguments may only be nil
    /// (stat's optional nolink, for example). link's location is only required to be there: the page does not say
    /// whether it is a path made relative to the mount (Phoenix passes it as given, which PX-FS-LINK-SELF's rules check).</summary>
    public bool Matches(RecordedCall call) =>
        call.Args.Count >= MethodArgs.Length
        && (Method == "link"
            ? call.Args[0].Equals(MethodArgs[0]) && call.Args[1] is LuaString
            : call.Args.Take(MethodArgs.Length).SequenceEqual(MethodArgs))
        && call.Args.Skip(MethodArgs.Length).All(a => a is LuaNil);

    public string Describe() => $"{Method}({string.Join(", ", SyscallArgs.Select(a => a.ToString()))})";
}
