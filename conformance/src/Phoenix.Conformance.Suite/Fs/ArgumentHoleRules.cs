using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-METHOD-ARGS: "Each method gets the same arguments as the respective syscall". chmod's user may be nil
/// (world permissions, facts §4.5), so its arguments have a hole before the mode; a kernel that copies arguments
/// with ipairs or {...} and # loses what follows the hole at this one crossing.</summary>
public sealed class ArgumentHoleRules
{
    [Clause("FS-METHOD-ARGS")]
    public void ChmodWithNilUser_ReachesTheMountWithTheHoleAndTheMode(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var (user, mode) in new (string, LuaValue)[] { ("root", "+x"), ("alice", 5L), ("root", LuaTable.Record(("read", true))) })
        {
            kernel.ClearRecording();
            kernel.Syscall(user, "chmod", RecordingFs.MountPoint + "/f", LuaValue.Nil, mode);
            var got = kernel.SingleCall("chmod", $"chmod(\"/media/disk/f\", nil, {mode}) as {user}");
            Check.That(got.Args.Count >= 3 && got.Args[0] == "f" && got.Args[1] is LuaNil && got.Args[2].Equals(mode) && got.Args.Skip(3).All(a => a is LuaNil),
                $"chmod(\"/media/disk/f\", nil, {mode}) as {user}", $"method arguments (\"f\", nil, {mode})", $"({string.Join(", ", got.Args)})");
        }
    }

    [Clause("FS-METHOD-ARGS")]
    public void StatWithNolink_ReachesTheMountWithIt(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var nolink in new[] { true, false })
        {
            kernel.ClearRecording();
            kernel.Syscall("alice", "stat", RecordingFs.MountPoint + "/f", nolink);
            var got = kernel.SingleCall("stat", $"stat(\"/media/disk/f\", {nolink.ToString().ToLowerInvariant()})");
            Check.That(got.Args.Count >= 2 && got.Args[0] == "f" && got.Args[1] == nolink, $"stat(\"/media/disk/f\", {nolink.ToString().ToLowerInvariant()}) as alice",
                $"method arguments (\"f\", {nolink.ToString().ToLowerInvariant()})", $"({string.Join(", ", got.Args)})");
        }
    }
}
