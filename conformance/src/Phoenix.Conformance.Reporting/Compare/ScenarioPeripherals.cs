using System.Globalization;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>
/// A scenario's <c>peripherals:</c> section, read into the adapter contract's <see cref="PeripheralSpec"/>s (which
/// both adapters already simulate in boot images):
/// <code>
/// peripherals:
///   - name: left                     # a side, or a network name with modem: (behind a wired modem on that side)
///     type: chatBox                  # or a list of types: [inventory, minecraft:chest]
///     methods:
///       sendMessage: [true]          # returns these values
///       getTime: {returns: [6000]}   # the same, spelled out
///       ping: echo                   # returns its arguments
///       getRadiation: {fails: "No radiation here"}   # raises this message
///   - name: detector_0
///     modem: back                    # the wired modem on back is implied
///     type: environmentDetector
///   - name: top
///     kind: wireless modem           # device (the default), wired modem, wireless modem
/// </code>
/// Values are YAML's: plain <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c> (nil), integers and floats are Lua's;
/// anything quoted is a string; lists are Lua arrays (a null is a hole) and mappings Lua tables with string
/// keys (a null value leaves the key out). The YAML is read through its node model because the scalar's style
/// (quoted or plain) is what tells <c>"1"</c> from <c>1</c>.
/// </summary>
public static class ScenarioPeripherals
{
    /// <summary>The peripherals declared in <paramref name="yaml"/> (the scenario's text), in order; none when the
    /// section is absent. Throws <see cref="ScenarioException"/> with the line of the entry at fault.</summary>
    public static IReadOnlyList<PeripheralSpec> Read(string file, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
        if (!root.Children.TryGetValue(new YamlScalarNode("peripherals"), out var section) || IsNull(section)) return [];
        if (section is not YamlSequenceNode list) throw Error(file, section, "peripherals: is a list of peripherals");
        var peripherals = new List<PeripheralSpec>();
        foreach (var node in list)
        {
            var peripheral = ReadOne(file, node);
            if (peripherals.Any(p => p.Name == peripheral.Name)) throw Error(file, node, $"peripheral '{peripheral.Name}' is declared twice");
            peripherals.Add(peripheral);
        }
        return peripherals;
    }

    /// <summary>The peripherals of the <c>attach:</c> steps, by step number (1-based).</summary>
    public static IReadOnlyDictionary<int, PeripheralSpec> ReadAttachSteps(string file, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var attached = new Dictionary<int, PeripheralSpec>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return attached;
        if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var section) || section is not YamlSequenceNode steps) return attached;
        foreach (var (step, index) in steps.Select((s, i) => (s, i + 1)))
        {
            if (step is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("attach"), out var node)) attached[index] = ReadOne(file, node);
        }
        return attached;
    }

    private static PeripheralSpec ReadOne(string file, YamlNode node)
    {
        if (node is not YamlMappingNode entry) throw Error(file, node, "a peripheral is a mapping (name, type, methods)");
        foreach (var key in entry.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: "name" or "type" or "kind" or "modem" or "methods" })
            {
                throw Error(file, key, $"unknown peripheral field '{key}' (name, type, kind, modem, methods)");
            }
        }
        var name = Text(file, entry, "name") ?? throw Error(file, entry, "a peripheral needs a name (a side, or a network name with modem:)");
        var kind = Text(file, entry, "kind") switch
        {
            null or "device" => PeripheralKind.Device,
            "wired modem" => PeripheralKind.WiredModem,
            "wireless modem" => PeripheralKind.WirelessModem,
            var other => throw Error(file, entry, $"peripheral '{name}': kind '{other}' is not device, wired modem or wireless modem"),
        };
        var types = Types(file, entry, name, kind);
        var spec = new PeripheralSpec(name, types) { Kind = kind, ModemSide = Text(file, entry, "modem") };
        if (entry.Children.TryGetValue(new YamlScalarNode("methods"), out var methods) && !IsNull(methods))
        {
            if (methods is not YamlMappingNode map) throw Error(file, methods, $"peripheral '{name}': methods: maps method names to results");
            if (kind != PeripheralKind.Device) throw Error(file, methods, $"modem '{name}' has ComputerCraft's modem methods; it takes no methods:");
            foreach (var (key, value) in map.Children)
            {
                var method = key is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(file, key, $"peripheral '{name}': a method name is text");
                spec = spec.WithMethod(method, Method(file, name, method, value));
            }
        }
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw Error(file, entry, e.Message.TrimEnd('.'));
        }
        return spec;
    }

    private static string[] Types(string file, YamlMappingNode entry, string name, PeripheralKind kind)
    {
        if (!entry.Children.TryGetValue(new YamlScalarNode("type"), out var node) || IsNull(node))
        {
            return kind == PeripheralKind.Device ? throw Error(file, entry, $"peripheral '{name}' needs a type") : ["modem"];
        }
        string[] types = node switch
        {
            YamlScalarNode { Value: { Length: > 0 } one } => [one],
            YamlSequenceNode many when many.All(t => t is YamlScalarNode { Value.Length: > 0 }) => [.. many.Select(t => ((YamlScalarNode)t).Value!)],
            _ => throw Error(file, node, $"peripheral '{name}': type: is a type name or a list of them"),
        };
        return types.Length > 0 ? types : throw Error(file, node, $"peripheral '{name}' needs a type");
    }

    private static PeripheralMethod Method(string file, string name, string method, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { Value: "echo", Style: ScalarStyle.Plain }:
                return PeripheralMethod.Echo;
            case YamlSequenceNode results:
                return PeripheralMethod.Returns([.. results.Select(r => Value(file, r))]);
            case YamlMappingNode { Children.Count: 1 } spelled when spelled.Children.First() is var (key, value):
                switch ((key as YamlScalarNode)?.Value)
                {
                    case "returns":
                        return value is YamlSequenceNode list
                            ? PeripheralMethod.Returns([.. list.Select(r => Value(file, r))])
                            : PeripheralMethod.Returns(Value(file, value));
                    case "fails":
                        return value is YamlScalarNode { Value: { } message } ? PeripheralMethod.Fails(message) : throw Error(file, value, $"peripheral '{name}': {method}: fails: takes a message");
                }
                break;
        }
        throw Error(file, node, $"peripheral '{name}': method '{method}' is a list of results, echo, {{returns: [...]}} or {{fails: message}}");
    }

    /// <summary>Peripherals as a <c>peripherals:</c> section that reads back into the same specs (for the scenario
    /// <c>compare --generate</c> writes with <c>--shrunk</c>).</summary>
    public static string ToYaml(IReadOnlyList<PeripheralSpec> peripherals) =>
        "peripherals:\n" + string.Concat(peripherals.Select(p => "  - " + ToYaml(p) + "\n"));

    /// <summary>One peripheral as a YAML flow mapping (for <c>peripherals:</c> and <c>attach:</c>).</summary>
    public static string ToYaml(PeripheralSpec p)
    {
        var text = new System.Text.StringBuilder();
        {
            text.Append("{name: ").Append(Quote(p.Name)).Append(", type: [").AppendJoin(", ", p.Types.Select(Quote)).Append(']');
            text.Append(", kind: ").Append(p.Kind switch { PeripheralKind.WiredModem => "wired modem", PeripheralKind.WirelessModem => "wireless modem", _ => "device" });
            if (p.ModemSide is not null) text.Append(", modem: ").Append(Quote(p.ModemSide));
            if (p.Methods.Count > 0)
            {
                text.Append(", methods: {").AppendJoin(", ", p.Methods.Select(m => Quote(m.Key) + ": " + m.Value.Kind switch
                {
                    PeripheralMethodKind.Echo => "echo",
                    PeripheralMethodKind.Fails => "{fails: " + Quote(m.Value.ErrorMessage) + "}",
                    _ => "{returns: [" + string.Join(", ", m.Value.Values.Select(ToYaml)) + "]}",
                })).Append('}');
            }
            text.Append('}');
        }
        return text.ToString();
    }

    private static string ToYaml(LuaValue value) => value switch
    {
        LuaNil => "null",
        LuaBoolean b => b.Value ? "true" : "false",
        LuaInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        LuaFloat f => f.Value.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.') || r.Contains('E')) ? r : r + ".0",
        LuaString s => Quote(s.Text),
        LuaTable { Hash.Count: 0 } t => "[" + string.Join(", ", t.Array.Select(ToYaml)) + "]",
        LuaTable t => "{" + string.Join(", ", t.Hash.Select(kv => Quote(((LuaString)kv.Key).Text) + ": " + ToYaml(kv.Value))) + "}",
        _ => Quote(value.ToString()),
    };

    // YAML double-quoted scalars take JSON's escapes, so a JSON string is a YAML string.
    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, YamlStrings);

    private static readonly System.Text.Json.JsonSerializerOptions YamlStrings =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A YAML node as a Lua value (YAML's core schema for plain scalars).</summary>
    private static LuaValue Value(string file, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Style != ScalarStyle.Plain:
                return LuaString.From(scalar.Value ?? "");
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (text is "" or "~" or "null" or "Null" or "NULL") return LuaValue.Nil;
                if (text is "true" or "True" or "TRUE") return true;
                if (text is "false" or "False" or "FALSE") return false;
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return number;
                return LuaString.From(text);
            case YamlSequenceNode list:
                return new LuaTable(list.Select(v => Value(file, v)));
            case YamlMappingNode map:
                var fields = new List<KeyValuePair<LuaValue, LuaValue>>();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { Length: > 0 } name }) throw Error(file, key, "a table key is a name");
                    var luaValue = Value(file, value);
                    if (luaValue is not LuaNil) fields.Add(new(LuaString.From(name), luaValue));
                }
                return new LuaTable(null, fields);
            default:
                throw Error(file, node, "unsupported value");
        }
    }

    private static string? Text(string file, YamlMappingNode entry, string key) =>
        !entry.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node) ? null
        : node is YamlScalarNode { Value: { Length: > 0 } text } ? text
        : throw Error(file, node, $"{key}: is text");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private static ScenarioException Error(string file, YamlNode node, string message) =>
        new($"Invalid scenario '{file}' at line {node.Start.Line}: {message}.");
}
