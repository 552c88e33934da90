using System.Text;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;

namespace Phoenix.CraftOS.Adapter;

/// <summary>One kernel booted on the CraftOS host, seen through the contract. Operations go through the agent; the
/// syslog is read from the kernel's log file on the computer's disk, peripheral call logs from the bus.</summary>
public sealed class CraftOsKernel(CraftOsComputer computer, AgentChannel channel, string syslogPath) : KernelBase
{
    public CraftOsComputer Computer { get; } = computer;

    public override SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        ToResult(channel.Request("syscall", user, name, args));

    public override SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        ToResult(channel.Request("chunk", user, source, args));

    public override void Attach(PeripheralSpec peripheral)
    {
        var name = Computer.Attach(PeripheralMapping.ToSimulation(peripheral));
        Settle($"after attaching {peripheral} (event: peripheral {name})");
    }

    public override void Detach(string name)
    {
        if (!Computer.Detach(name)) throw new ArgumentException($"No peripheral called '{name}' is attached.", nameof(name));
        Settle($"after detaching {name}");
    }

    public override IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name) =>
        Computer.Peripherals.Log(name).Select(PeripheralMapping.ToContract).ToArray();

    public override IReadOnlyList<SyslogEntry> ReadSyslog() =>
        Computer.FileSystem.HostRead(syslogPath) is { } bytes ? SyslogFile.Parse(Encoding.UTF8.GetString(bytes)) : [];

    /// <summary>The last lines the kernel logged at error level or above (at most three), for failure reports.</summary>
    public static string LastWords(CraftOsComputer computer, string syslogPath)
    {
        if (computer.FileSystem.HostRead(syslogPath) is not { } bytes) return "";
        var serious = SyslogFile.Parse(Encoding.UTF8.GetString(bytes)).Where(e => e.Level >= SyslogLevel.Error).TakeLast(3);
        return string.Join(" | ", serious.Select(e => e.Message.Split('\n')[0]));
    }

    /// <summary>Returns once the kernel has taken every event queued so far: events are one FIFO queue, so when the
    /// agent answers a ping queued after them, the kernel has handled them. Running until idle would not do: a real
    /// kernel may always have a timer pending.</summary>
    private void Settle(string what) => channel.Request("ping", "", what, []);

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
