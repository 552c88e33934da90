using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-NEW: "mount calls the filesystem class's new method ... i.e. filesystems[fs_type]:new(process, source,
/// options)". The class is whatever the table holds when mount runs, so a module that stores a class under a built-in
/// type's name is the one mount uses: a kernel that keeps its own built-ins aside and prefers them breaks this.</summary>
public sealed class OverrideRules
{
    // Loaded after recfs (modules load in name order), it stores recfs's class under the built-in name tmpfs.
    private const string Override = "filesystems.tmpfs = filesystems.recfs\nreturn {}\n";

    [Clause("FS-NEW")]
    public void ModuleClassUnderABuiltInName_IsTheOneMountUses(RuleContext context)
    {
        var image = BootImage.Empty.WithRecfs(context).WithFile($"{Modules.Directory}/zz_override.lua", Override);
        using var kernel = context.Boot(image);
        foreach (var user in new[] { Modules.Root, "alice" })
        {
            kernel.ClearRecording();
            var dest = user == Modules.Root ? RecordingFs.MountPoint : "/home/alice";
            Check.Succeeds(kernel.Syscall(user, "mount", "tmpfs", "replaced-" + user, dest), $"{user}: mount(\"tmpfs\", …, \"{dest}\") after a module stored recfs's class as filesystems.tmpfs");
            var news = kernel.Calls("new");
            Check.That(news.Count == 1 && news[0].Args.Count > 0 && news[0].Args[0] == "replaced-" + user, $"{user}: mount(\"tmpfs\", …)",
                "the class now in filesystems.tmpfs (recfs) to get new", news.Count == 0 ? "no call of recfs's new" : string.Join("; ", news));
            Check.Returns(kernel.Syscall(user, "list", dest), [new LuaTable(["recorded"])], $"{user}: list(\"{dest}\") through that mount");
        }
    }
}
