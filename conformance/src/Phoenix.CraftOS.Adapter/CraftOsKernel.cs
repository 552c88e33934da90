using System.Text;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.CraftOS.Adapter;

/// <summary>One kernel booted on the CraftOS host, seen through the contract. Operations go through the agent;
/// the syslog is read from the kernel's log file on the computer's disk.</summary>
public sealed class CraftOsKernel(CraftOsComputer computer, AgentChannel channel, string syslogPath) : KernelBase
{
    public CraftOsComputer Computer { get; } = computer;

    public override SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        ToResult(channel.Request("syscall", user, name, args));

    public override SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        ToResult(channel.Request("chunk", user, source, args));

    public override IReadOnlyList<SyslogEntry> ReadSyslog() =>
        Computer.FileSystem.HostRead(syslogPath) is { } bytes ? SyslogFile.Parse(Encoding.UTF8.GetString(bytes)) : [];

    /// <summary>The agent answers "ok, values…" for success and "false, error" for a failure.</summary>
    private static SyscallResult ToResult(IReadOnlyList<LuaValue> answer) =>
        answer.Count > 0 && answer[0] is LuaBoolean { Value: true }
            ? SyscallResult.Success(answer.Skip(1).ToArray())
            : SyscallResult.Failure(answer.Count > 1 ? answer[1] : LuaNil.Instance);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Computer.Dispose();
        base.Dispose(disposing);
    }
}
