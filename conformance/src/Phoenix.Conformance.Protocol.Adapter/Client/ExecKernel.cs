using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Protocol.Adapter.Wire;

namespace Phoenix.Conformance.Protocol.Adapter.Client;

/// <summary>A kernel booted in a kernel host: every operation is one request naming the kernel. An operation the host
/// did not offer in its handshake is "not supported" without asking; an answer that breaks the protocol (a value in no
/// known form) is a stopped kernel, since nothing the host said can be trusted.</summary>
public sealed class ExecKernel(HostProcess host, string id) : KernelBase
{
    public override SyscallResult Syscall(string user, string name, params LuaValue[] args) =>
        Call("syscall", new JsonObject { ["user"] = user, ["name"] = name, ["args"] = ValueCodec.EncodeList(args) }, DataCodec.DecodeResult);

    public override SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) =>
        Call("runUserChunk", new JsonObject { ["user"] = user, ["source"] = source, ["args"] = ValueCodec.EncodeList(args) }, DataCodec.DecodeResult);

    public override IReadOnlyList<SyslogEntry> ReadSyslog() => Call("readSyslog", [], DataCodec.DecodeSyslog);

    public override void Attach(PeripheralSpec peripheral) =>
        Call("attach", new JsonObject { ["peripheral"] = DataCodec.EncodePeripheral(peripheral) }, _ => 0);

    public override void Detach(string name) => Call("detach", new JsonObject { ["name"] = name }, _ => 0);

    public override IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name) =>
        Call("readPeripheralLog", new JsonObject { ["name"] = name }, DataCodec.DecodeCalls);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !host.IsAlive) return;
        try
        {
            host.Request("shutdown", new JsonObject { ["kernel"] = id });
        }
        catch (Exception e) when (e is KernelStoppedException or HostKilledException or ProtocolException or InvalidOperationException)
        {
            // A host that cannot shut a kernel down has already said so in the rule that used it.
        }
    }

    private T Call<T>(string op, JsonObject fields, Func<JsonNode?, T> decode)
    {
        if (!host.Operations.Contains(op)) throw new NotSupportedByAdapterException(op);
        fields["kernel"] = id;
        var answer = host.Request(op, fields);
        try
        {
            return decode(answer);
        }
        catch (ProtocolException e)
        {
            throw new KernelStoppedException($"The kernel host's answer to '{op}' breaks the protocol: {e.Message}");
        }
    }
}
