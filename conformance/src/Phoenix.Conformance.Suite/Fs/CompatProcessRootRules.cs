using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// COMPAT: every path a process names is resolved from its root and working directory (process.root and process.dir,
/// which Phoenix's chroot and chdir set; facts §4.4), and a chrooted process cannot name a file outside its root.
/// The page has no syscall for either, so a fixture module (fixtures/PX-FS/setroot.lua) sets them on alice's process.
/// A kernel that ignores the root lets a confined program reach every file.
/// </summary>
public sealed class CompatProcessRootRules
{
    [Clause("PX-FS-PROCESS-ROOT")]
    public void ChrootedProcess_ResolvesFromItsRootAndDirectory(RuleContext context)
    {
        using var kernel = Boot(context);
        Confine(kernel);
        // Each path as alice names it (root /home/alice/, directory /sub), and the size of the file it must reach.
        foreach (var (path, size) in new[] { ("/notes.txt", 5L), ("deep.txt", 4L), ("./deep.txt", 4L), ("../notes.txt", 5L), ("/sub/deep.txt", 4L) })
        {
            var stat = Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall("alice", "stat", path), $"stat(\"{path}\") by alice", atLeast: 1)[0], $"stat(\"{path}\") by alice");
            Check.Equal(size, stat[LuaString.From("size")], $"stat(\"{path}\").size by alice (root /home/alice/, directory /sub)");
        }
        var root = Check.Is<LuaTable>(Check.Succeeds(kernel.Syscall("alice", "list", "/"), "list(\"/\") by alice", atLeast: 1)[0], "list(\"/\") by alice");
        var names = root.Array.Select(v => v.ToString()).ToArray();
        Check.That(names.SequenceEqual(["\"notes.txt\"", "\"sub\""]), "list(\"/\") by alice (root /home/alice/)", "\"notes.txt\", \"sub\"", string.Join(", ", names));
    }

    [Clause("PX-FS-PROCESS-ROOT")]
    public void ChrootedProcess_CannotNameAFileOutsideItsRoot(RuleContext context)
    {
        using var kernel = Boot(context);
        Confine(kernel);
        // Outside /home/alice: climbing above the root, and a sibling whose name starts with the root's.
        foreach (var path in new[] { "/../alicex/other.txt", "../../alicex/other.txt", "/../../notes.txt" })
        {
            var @case = $"remove(\"{path}\") by alice (root /home/alice/)";
            var first = Check.Fails(kernel.Syscall("alice", "remove", path), @case);
            Check.That(first == path + ": No such file or directory", @case + ": first line of the error", $"\"{path}: No such file or directory\"", $"\"{first}\"");
        }
        // stat and open do not raise for a path they cannot resolve: they return nil and the message (a kernel
        // position may come first in Phoenix, which raises it below the syscall and catches it there).
        foreach (var syscall in new[] { "stat", "open" })
        {
            var args = syscall == "stat" ? new LuaValue[] { "/../alicex/other.txt" } : ["/../alicex/other.txt", "r"];
            var @case = $"{syscall}(\"/../alicex/other.txt\"{(syscall == "open" ? ", \"r\"" : "")}) by alice (root /home/alice/)";
            var values = Check.Succeeds(kernel.Syscall("alice", syscall, args), @case, atLeast: 2);
            var message = values[1] is LuaString m ? m.Text : values[1].ToString();
            Check.That(values[0] is LuaNil && message.EndsWith("/../alicex/other.txt: No such file or directory", StringComparison.Ordinal), @case,
                "nil, \"/../alicex/other.txt: No such file or directory\"", string.Join(", ", values));
        }
        const string stat = "stat(\"/home/alicex/other.txt\") by root after alice's removes outside her root";
        var after = Check.Succeeds(kernel.Syscall(Modules.Root, "stat", "/home/alicex/other.txt"), stat, atLeast: 1)[0];
        Check.That(after is LuaTable, stat, "the file still there", after.ToString());
    }

    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty
            .WithModule(context, "PX-FS/setroot.lua", "setroot")
            .WithDirectory("/home/alice", "alice", "rwx")
            .WithFile("/home/alice/notes.txt", "hello", "alice")
            .WithDirectory("/home/alice/sub", "alice", "rwx")
            .WithFile("/home/alice/sub/deep.txt", "deep", "alice")
            .WithDirectory("/home/alicex", "alice", "rwx")
            .WithFile("/home/alicex/other.txt", "other", "alice", "rw-")
            .WithFile("/notes.txt", "root's notes", "root", "rw-"));

    private static void Confine(IKernel kernel) =>
        Check.Succeeds(kernel.CallModule("alice", "setroot", "set", "/home/alice/", "/sub"), "setroot.set(\"/home/alice/\", \"/sub\") for alice's process");
}
