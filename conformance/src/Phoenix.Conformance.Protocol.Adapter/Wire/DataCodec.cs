using System.Text.Json.Nodes;
using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;

namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>The contract's plain-data records as JSON (ADAPTER-PROTOCOL.md, "Records"): boot images, peripheral
/// specs, syscall results, syslog entries and peripheral calls. File contents are bytes, in base64.</summary>
public static class DataCodec
{
    public static JsonObject EncodeImage(BootImage image) => new()
    {
        ["entries"] = new JsonArray([.. image.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["path"] = e.Path,
            ["content"] = e.Content is null ? null : Convert.ToBase64String(e.Content),
            ["owner"] = e.Owner,
            ["permissions"] = new JsonObject(e.Permissions.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value.ToString()))),
            ["world"] = e.WorldPermissions.ToString(),
        })]),
        ["kernelArguments"] = new JsonObject(image.KernelArguments.Select(a => new KeyValuePair<string, JsonNode?>(a.Key, a.Value))),
        ["peripherals"] = new JsonArray([.. image.Peripherals.Select(p => (JsonNode)EncodePeripheral(p))]),
    };

    public static BootImage DecodeImage(JsonObject o)
    {
        var entries = Fields.Array(o, "entries").Select(node =>
        {
            var e = Fields.AsObject(node, "entry");
            var content = Fields.OptionalString(e, "content");
            return new BootEntry(
                Fields.String(e, "path"),
                content is null ? null : Base64(content),
                Fields.String(e, "owner"),
                Fields.Object(e, "permissions").ToDictionary(p => p.Key, p => Access(Fields.AsString(p.Value, "permission"))),
                Access(Fields.String(e, "world")));
        }).ToList();
        return new BootImage
        {
            Entries = entries,
            KernelArguments = Fields.Object(o, "kernelArguments").ToDictionary(a => a.Key, a => Fields.AsString(a.Value, "kernel argument")),
            Peripherals = [.. Fields.Array(o, "peripherals").Select(p => DecodePeripheral(Fields.AsObject(p, "peripheral")))],
        };
    }

    public static JsonObject EncodePeripheral(PeripheralSpec p) => new()
    {
        ["name"] = p.Name,
        ["types"] = new JsonArray([.. p.Types.Select(t => (JsonNode)t)]),
        ["kind"] = p.Kind switch
        {
            PeripheralKind.WiredModem => "wiredModem",
            PeripheralKind.WirelessModem => "wirelessModem",
            _ => "device",
        },
        ["modemSide"] = p.ModemSide,
        ["methods"] = new JsonObject(p.Methods.Select(m => new KeyValuePair<string, JsonNode?>(m.Key, m.Value.Kind switch
        {
            PeripheralMethodKind.Echo => new JsonObject { ["kind"] = "echo" },
            PeripheralMethodKind.Fails => new JsonObject { ["kind"] = "fails", ["message"] = m.Value.ErrorMessage },
            _ => new JsonObject { ["kind"] = "returns", ["values"] = ValueCodec.EncodeList(m.Value.Values) },
        }))),
    };

    public static PeripheralSpec DecodePeripheral(JsonObject o)
    {
        var kind = Fields.String(o, "kind") switch
        {
            "device" => PeripheralKind.Device,
            "wiredModem" => PeripheralKind.WiredModem,
            "wirelessModem" => PeripheralKind.WirelessModem,
            var other => throw new ProtocolException($"peripheral kind '{other}' is not device, wiredModem or wirelessModem"),
        };
        var methods = Fields.Object(o, "methods").ToDictionary(m => m.Key, m =>
        {
            var method = Fields.AsObject(m.Value, "method");
            return Fields.String(method, "kind") switch
            {
                "echo" => PeripheralMethod.Echo,
                "fails" => PeripheralMethod.Fails(Fields.String(method, "message")),
                "returns" => PeripheralMethod.Returns([.. ValueCodec.DecodeList(method["values"])]),
                var other => throw new ProtocolException($"method kind '{other}' is not returns, echo or fails"),
            };
        });
        try
        {
            return new PeripheralSpec(Fields.String(o, "name"), [.. Fields.Array(o, "types").Select(t => Fields.AsString(t, "type"))])
            {
                Kind = kind,
                ModemSide = Fields.OptionalString(o, "modemSide"),
                Methods = methods,
            };
        }
        catch (ArgumentException e)
        {
            throw new ProtocolException(e.Message);
        }
    }

    public static JsonObject EncodeResult(SyscallResult result) => result.Succeeded
        ? new JsonObject { ["succeeded"] = true, ["values"] = ValueCodec.EncodeList(result.Values) }
        : new JsonObject { ["succeeded"] = false, ["error"] = ValueCodec.Encode(result.ErrorValue!) };

    public static SyscallResult DecodeResult(JsonNode? node)
    {
        var o = Fields.AsObject(node, "result");
        return Fields.Boolean(o, "succeeded")
            ? SyscallResult.Success(ValueCodec.DecodeList(o["values"]))
            : SyscallResult.Failure(ValueCodec.Decode(o["error"]));
    }

    public static JsonArray EncodeSyslog(IEnumerable<SyslogEntry> entries) => new([.. entries.Select(e => (JsonNode)new JsonObject
    {
        ["level"] = (int)e.Level,
        ["message"] = e.Message,
        ["module"] = e.Module,
        ["category"] = e.Category,
        ["timestampMs"] = e.TimestampMs,
    })]);

    public static IReadOnlyList<SyslogEntry> DecodeSyslog(JsonNode? node) => node is JsonArray array
        ? [.. array.Select(n =>
        {
            var e = Fields.AsObject(n, "syslog entry");
            var level = Fields.Integer(e, "level");
            if (level is < 0 or > 6) throw new ProtocolException($"syslog level {level} is not 0-6");
            return new SyslogEntry((SyslogLevel)level, Fields.String(e, "message"), Fields.OptionalString(e, "module"), Fields.OptionalString(e, "category"))
            {
                TimestampMs = e["timestampMs"] is null ? null : Fields.Integer(e, "timestampMs"),
            };
        })]
        : throw new ProtocolException("the syslog is not an array");

    public static JsonArray EncodeCalls(IEnumerable<PeripheralCall> calls) => new([.. calls.Select(c => (JsonNode)new JsonObject
    {
        ["method"] = c.Method,
        ["args"] = ValueCodec.EncodeList(c.Args),
    })]);

    public static IReadOnlyList<PeripheralCall> DecodeCalls(JsonNode? node) => node is JsonArray array
        ? [.. array.Select(n =>
        {
            var c = Fields.AsObject(n, "peripheral call");
            return new PeripheralCall(Fields.String(c, "method"), ValueCodec.DecodeList(c["args"]));
        })]
        : throw new ProtocolException("the peripheral log is not an array");

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ProtocolException("file content is not base64");
        }
    }

    private static AccessBits Access(string text)
    {
        try
        {
            return AccessBits.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ProtocolException(e.Message);
        }
    }
}
