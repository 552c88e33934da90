using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Values;
using Phoenix.Conformance.Protocol.Adapter.Wire;

namespace Phoenix.Conformance.Protocol.Adapter.Serving;

/// <summary>
/// Serves an in-process adapter over the protocol (<c>phoenix-conformance serve --adapter X</c>): one request at a
/// time, each answered on one line. Kernels booted here are named "k1", "k2", … and shut down by <c>shutdown</c>, by
/// <c>bye</c> or when the input ends. Nothing a request carries can end the loop: a malformed request gets a
/// <c>badRequest</c> answer and the next line is read.
/// </summary>
public sealed class ProtocolServer(IKernelAdapter adapter)
{
    private readonly Dictionary<string, IKernel> _kernels = new(StringComparer.Ordinal);
    private int _booted;
    private bool _greeted;

    /// <summary>Answers requests from <paramref name="input"/> until it ends or a <c>bye</c> arrives.</summary>
    public void Serve(TextReader input, TextWriter output)
    {
        try
        {
            while (true)
            {
                string? line;
                try
                {
                    line = Framing.ReadLine(input);
                }
                catch (ProtocolException e)
                {
                    Send(output, Framing.Error(null, ErrorKinds.BadRequest, e.Message));
                    return; // the stream cannot be resynchronised
                }
                if (line is null) return;
                if (line.Length == 0) continue;
                var (answer, bye) = Answer(line);
                Send(output, answer);
                if (bye) return;
            }
        }
        finally
        {
            foreach (var kernel in _kernels.Values) kernel.Dispose();
            _kernels.Clear();
        }
    }

    private static void Send(TextWriter output, JsonObject message)
    {
        output.Write(Framing.Write(message));
        output.Write('\n');
        output.Flush();
    }

    private (JsonObject Answer, bool Bye) Answer(string line)
    {
        JsonNode? id = null;
        string op = "?";
        try
        {
            var request = Framing.Parse(line);
            id = request["id"];
            op = Fields.String(request, "op");
            if (!_greeted && op != "hello") throw new ProtocolException($"'{op}' before 'hello'");
            return (Framing.Success(id, Dispatch(op, request)), op == "bye");
        }
        catch (ProtocolException e)
        {
            return (Framing.Error(id, ErrorKinds.BadRequest, e.Message), false);
        }
        catch (NotSupportedByAdapterException e)
        {
            return (Framing.Error(id, ErrorKinds.Unsupported, e.Message, e.Operation), false);
        }
        catch (KernelBootException e)
        {
            return (Framing.Error(id, ErrorKinds.Boot, e.Message), false);
        }
        catch (KernelStoppedException e)
        {
            return (Framing.Error(id, ErrorKinds.Stopped, e.Message), false);
        }
        catch (Exception e)
        {
            var error = Framing.Error(id, ErrorKinds.Internal, e.Message);
            error["error"]!["type"] = e.GetType().Name;
            return (error, false);
        }
    }

    private JsonNode? Dispatch(string op, JsonObject request)
    {
        switch (op)
        {
            case "hello":
                var offered = Fields.Array(request, "protocols").Select(v => v is JsonValue n && n.TryGetValue<int>(out var i) ? i : -1);
                if (!offered.Contains(Framing.Version)) throw new ProtocolException($"no common protocol version: this host speaks {Framing.Version}");
                _greeted = true;
                return new JsonObject
                {
                    ["protocol"] = Framing.Version,
                    ["name"] = adapter.Name,
                    ["version"] = adapter.Version,
                    ["operations"] = new JsonArray([.. Framing.KernelOperations.Select(o => (JsonNode)o)]),
                };
            case "bye":
                return null;
            case "boot":
                var kernel = adapter.Boot(DataCodec.DecodeImage(Fields.Object(request, "image")));
                var name = $"k{++_booted}";
                _kernels[name] = kernel;
                return name;
            case "shutdown":
                var key = Fields.String(request, "kernel");
                if (_kernels.Remove(key, out var stopped)) stopped.Dispose();
                return null;
        }
        var target = KernelOf(request);
        return op switch
        {
            "syscall" => DataCodec.EncodeResult(target.Syscall(Fields.String(request, "user"), Fields.String(request, "name"), Args(request))),
            "runUserChunk" => DataCodec.EncodeResult(target.RunUserChunk(Fields.String(request, "user"), Fields.String(request, "source"), Args(request))),
            "readSyslog" => DataCodec.EncodeSyslog(target.ReadSyslog()),
            "attach" => Done(() => target.Attach(DataCodec.DecodePeripheral(Fields.Object(request, "peripheral")))),
            "detach" => Done(() => target.Detach(Fields.String(request, "name"))),
            "readPeripheralLog" => DataCodec.EncodeCalls(target.ReadPeripheralLog(Fields.String(request, "name"))),
            _ => throw new ProtocolException($"unknown operation '{op}'"),
        };
    }

    private static JsonNode? Done(Action action)
    {
        action();
        return null;
    }

    private static LuaValue[] Args(JsonObject request) => [.. ValueCodec.DecodeList(request["args"])];

    private IKernel KernelOf(JsonObject request)
    {
        var name = Fields.String(request, "kernel");
        return _kernels.TryGetValue(name, out var kernel) ? kernel : throw new ProtocolException($"no kernel '{name}' (never booted, or shut down)");
    }
}
