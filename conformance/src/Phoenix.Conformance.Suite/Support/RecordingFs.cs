using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>Working with the recording filesystem "recfs" (fixtures/FS-METHODS/recfs.lua) from rules.</summary>
public static class RecordingFs
{
    public const string Type = "recfs";

    public const string MountPoint = "/media/disk";

    /// <summary>An image with the recfs module and the directories rules mount on.</summary>
    public static BootImage WithRecfs(this BootImage image, RuleContext context) =>
        image.WithModule(context, "FS-METHODS/recfs.lua", "recfs")
            .WithDirectory("/media/disk")
            .WithDirectory("/media/other")
            .WithDirectory("/home/alice", owner: "alice");

    /// <summary>Boots with recfs and mounts it at <see cref="MountPoint"/> with source "disk", as root.</summary>
    public static IKernel BootWithMount(RuleContext context)
    {
        var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", Type, "disk", MountPoint), $"mount(\"recfs\", \"disk\", \"{MountPoint}\")");
        kernel.ClearRecording();
        return kernel;
    }

    public static IReadOnlyList<RecordedCall> Recording(this IKernel kernel)
    {
        var log = Check.Succeeds(kernel.CallModule(Modules.Root, "recfs", "log"), "reading the recfs call log");
        return log.Count > 0 && log[0] is LuaTable table
            ? table.Array.OfType<LuaTable>().Select(RecordedCall.From).ToArray()
            : [];
    }

    public static void ClearRecording(this IKernel kernel) =>
        Check.Succeeds(kernel.CallModule(Modules.Root, "recfs", "clear"), "clearing the recfs call log");

    /// <summary>The one call of <paramref name="method"/> since the log was cleared; any other count fails the rule.</summary>
    public static RecordedCall SingleCall(this IKernel kernel, string method, string @case)
    {
        var calls = kernel.Calls(method);
        Check.That(calls.Count == 1, @case, $"exactly one call of the mount's {method}",
            calls.Count == 0 ? "none" : string.Join("; ", calls));
        return calls[0];
    }

    /// <summary>The calls of one method, in order.</summary>
    public static IReadOnlyList<RecordedCall> Calls(this IKernel kernel, string method) =>
        kernel.Recording().Where(c => c.Method == method).ToArray();
}
