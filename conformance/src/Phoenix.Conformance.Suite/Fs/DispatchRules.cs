using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-METHODS, FS-METHODS-V2, FS-METHOD-ARGS: filesystem syscalls on a path inside a mount reach the mount
/// object's method of the same name, as a ':' call with the calling process and the syscall's own arguments.</summary>
public sealed class DispatchRules
{
    [Clause("FS-METHODS")]
    public void EachV1Syscall_OnPathInMount_ReachesMethodOfSameName(RuleContext context) =>
        AssertEachReachesItsMethod(context, FsCall.All.Where(c => !c.V2Only));

    [Clause("FS-METHODS-V2")]
    public void EachV2Syscall_OnPathInMount_ReachesMethodOfSameName(RuleContext context) =>
        AssertEachReachesItsMethod(context, FsCall.All);

    [Clause("FS-METHOD-ARGS")]
    public void EachMethod_GetsMountObjectCallerProcessAndSyscallArguments(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var call in FsCall.For(context.Profile))
        {
            kernel.ClearRecording();
            kernel.Syscall("alice", call.Method, call.SyscallArgs);
            var received = kernel.Calls(call.Method);
            Check.That(received.Count == 1, $"{call.Describe()} as alice", $"one call of the mount's {call.Method}",
                $"{received.Count}: {string.Join("; ", received)}");
            var got = received[0];
            Check.That(got.SelfIsMount, $"{call.Method}: first argument", "the mount object (a ':' call)", "another value");
            Check.Equal("table", got.ProcessType, $"{call.Method}: type of the process argument");
            Check.Equal("alice", got.User, $"{call.Method}: process.user of the process argument");
            Check.That(call.Matches(got), $"{call.Method}: arguments after the process",
                $"({string.Join(", ", call.MethodArgs.Select(a => a.ToString()))})", $"({string.Join(", ", got.Args)})");
        }
    }

    [Clause("FS-METHOD-ARGS")]
    public void Chmod_GetsUserBeforeMode(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        kernel.Syscall("root", "chmod", RecordingFs.MountPoint + "/f", "carol", 5L);
        var got = kernel.SingleCall("chmod", "chmod calls");
        Check.That(got.Args.Count >= 3 && got.Args[1] == "carol" && got.Args[2] == 5L, "chmod(path, \"carol\", 5)",
            "method arguments (\"f\", \"carol\", 5)", $"({string.Join(", ", got.Args)})");
    }

    private static void AssertEachReachesItsMethod(RuleContext context, IEnumerable<FsCall> calls)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        foreach (var call in calls)
        {
            kernel.ClearRecording();
            kernel.Syscall(Modules.Root, call.Method, call.SyscallArgs);
            var reached = kernel.Calls(call.Method).Any(c => c.SelfIsMount && c.Mount == "disk");
            Check.That(reached, call.Describe(), $"the mount's {call.Method} method to be called",
                $"calls: {string.Join("; ", kernel.Recording())}");
        }
    }
}
