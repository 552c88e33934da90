using Phoenix.Conformance.Abstractions.Boot;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>One step of a scenario: a user program (Lua, run in user mode as <paramref name="User"/>), or, with
/// <see cref="Attach"/> or <see cref="Detach"/> set (and no program), a peripheral attached or detached now.</summary>
public sealed record ScenarioStep(string User, string Program)
{
    /// <summary>A peripheral to attach at this step (<c>attach:</c>, written as in <c>peripherals:</c>).</summary>
    public Abstractions.Peripherals.PeripheralSpec? Attach { get; init; }

    /// <summary>The name (side or network name) of a peripheral to detach at this step (<c>detach:</c>).</summary>
    public string? Detach { get; init; }
}

/// <summary>A difference the page leaves open, accepted with its reason: by key ("step 2", "mountlist", …).</summary>
public sealed record AcceptedDifference(string Key, string Reason);

/// <summary>
/// A scenario for <c>compare</c>: modules to install in /lib/modules (root-owned, loaded at boot), then steps run in
/// order as users. Written in YAML:
/// <code>
/// image: ${PHOENIX_ROOTFS_IMG}       # optional: a system to boot (a folder or a tablefs image), modules on top
/// modules: [mymodule.lua]            # relative to the scenario file
/// peripherals:                       # optional: attached at boot (see ScenarioPeripherals)
///   - {name: left, type: chatBox, methods: {sendMessage: [true]}}
/// steps:
///   - user: alice
///     program: return syscall.callmodule("mymodule", "echo", 1, nil, "three")
///   - attach: {name: top, type: chatBox}   # a peripheral attached now (detach: top takes it away)
/// accepted:                          # differences the page leaves open, with why
///   - key: root filesystem
///     reason: the root filesystem's type is the kernel's choice
/// generate:                          # for compare --generate: what generated steps use
///   calls: [mymodule.echo]           # module functions to call (module.function)
///   users: [root, alice]             # who acts (the default)
/// </code>
/// With a <c>generate:</c> section, <c>steps:</c> may be left out. <c>${NAME}</c> in <c>image</c> and <c>modules</c>
/// is the environment variable NAME, so a scenario of ours can name inputs that never enter the repository (the
/// real Phoenix modules, the stock image); an unset one makes the scenario unusable, with its name.
/// </summary>
public sealed record Scenario(BootImage Image, IReadOnlyList<ScenarioStep> Steps, string Source)
{
    /// <summary>Differences listed under <c>accepted:</c> (key and reason), printed as accepted and not counted.</summary>
    public IReadOnlyList<AcceptedDifference> Accepted { get; init; } = [];

    /// <summary>The <c>accepted:</c> entry that covers <paramref name="difference"/> (by its key), or null.</summary>
    public AcceptedDifference? AcceptanceOf(Difference difference) => Accepted.FirstOrDefault(a => a.Key == difference.Key);

    /// <summary>The module files installed in /lib/modules (full paths), in the order listed.</summary>
    public IReadOnlyList<string> ModuleFiles { get; init; } = [];

    /// <summary>How <c>image:</c> and each of <c>modules:</c> were written, for <see cref="ToYaml"/>: an entry naming
    /// an environment variable is written back as it was, so a shrunk scenario still names inputs from outside the
    /// repository the same way; null for no image.</summary>
    public string? ImageEntry { get; init; }

    /// <summary>The <c>image:</c> entry's full path (expanded), or null.</summary>
    public string? ImageFile { get; init; }

    /// <summary>The <c>modules:</c> entries as written, in the order of <see cref="ModuleFiles"/>.</summary>
    public IReadOnlyList<string> ModuleEntries { get; init; } = [];

    /// <summary>What generated steps are made of (<c>generate:</c>); null when the file has no such section.</summary>
    public GenerationSpace? Generation { get; init; }

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads a scenario file; throws <see cref="ScenarioException"/> with a one-line reason. An <c>image:</c>
    /// is read by <paramref name="loadImage"/> (the CLI's: folders and tablefs images), given its full path; a
    /// <c>${NAME}</c> by <paramref name="variables"/> (the CLI's environment).</summary>
    public static Scenario Read(string file, Func<string, BootImage>? loadImage = null, Func<string, string?>? variables = null)
    {
        variables ??= _ => null;
        if (!File.Exists(file)) throw new ScenarioException($"Cannot read scenario '{file}': no such file.");
        Document? document;
        var text = File.ReadAllText(file);
        try
        {
            document = Reader.Deserialize<Document?>(text);
        }
        catch (YamlException e)
        {
            throw new ScenarioException($"Invalid scenario '{file}' at line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim()}");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var image = BootImage.Empty;
        string? imageFile = null;
        if (document?.Image is { Length: > 0 } imageEntry)
        {
            if (loadImage is null) throw new ScenarioException($"Invalid scenario '{file}': image: cannot be read here.");
            var imagePath = Path.Combine(folder, Expand(file, imageEntry, variables));
            imageFile = Path.GetFullPath(imagePath);
            try
            {
                image = loadImage(imagePath);
            }
            catch (ArgumentException e)
            {
                throw new ScenarioException($"Invalid scenario '{file}': image: {e.Message.Split('\n')[0]}");
            }
        }
        var moduleFiles = new List<string>();
        foreach (var entry in document?.Modules ?? [])
        {
            var module = Expand(file, entry, variables);
            var path = Path.Combine(folder, module);
            if (!File.Exists(path)) throw new ScenarioException($"Invalid scenario '{file}': module file '{module}' not found beside it.");
            image = image.WithFile("/lib/modules/" + Path.GetFileName(path), File.ReadAllBytes(path));
            moduleFiles.Add(Path.GetFullPath(path));
        }
        var peripherals = ScenarioPeripherals.Read(file, text);
        image = peripherals.Aggregate(image, (i, p) => i.WithPeripheral(p));
        var generation = document?.Generate is { } generate ? ReadGeneration(file, generate, moduleFiles) : null;
        var steps = new List<ScenarioStep>();
        var attaching = ScenarioPeripherals.ReadAttachSteps(file, text);
        foreach (var (step, index) in (document?.Steps ?? []).Select((s, i) => (s, i + 1)))
        {
            var program = !string.IsNullOrWhiteSpace(step.User) || !string.IsNullOrWhiteSpace(step.Program);
            var kinds = (program ? 1 : 0) + (step.Attach is null ? 0 : 1) + (step.Detach is null ? 0 : 1);
            if (kinds == 1 && attaching.TryGetValue(index, out var attach)) steps.Add(new ScenarioStep("", "") { Attach = attach });
            else if (kinds == 1 && step.Detach is { Length: > 0 } detach) steps.Add(new ScenarioStep("", "") { Detach = detach });
            else if (kinds == 1 && !string.IsNullOrWhiteSpace(step.User) && !string.IsNullOrWhiteSpace(step.Program)) steps.Add(new ScenarioStep(step.User, step.Program));
            else throw new ScenarioException($"Invalid scenario '{file}': step {index} needs a user and a program, or one attach: or detach: alone.");
        }
        if (steps.Count == 0 && generation is null) throw new ScenarioException($"Invalid scenario '{file}': no steps (and no generate: section).");
        var accepted = new List<AcceptedDifference>();
        foreach (var (entry, index) in (document?.Accepted ?? []).Select((a, i) => (a, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(entry.Key) || string.IsNullOrWhiteSpace(entry.Reason))
            {
                throw new ScenarioException($"Invalid scenario '{file}': accepted difference {index} needs a key and a reason.");
            }
            accepted.Add(new AcceptedDifference(entry.Key, entry.Reason));
        }
        return new Scenario(image, steps, file)
        {
            Accepted = accepted, ModuleFiles = moduleFiles, Generation = generation,
            ImageEntry = document?.Image is { Length: > 0 } ? document.Image : null, ImageFile = imageFile, ModuleEntries = document?.Modules ?? [],
        };
    }

    /// <summary>${NAME} → the environment variable's value; an unset one is a one-line error naming it.</summary>
    private static string Expand(string file, string text, Func<string, string?> variables) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", m =>
            variables(m.Groups[1].Value) is { Length: > 0 } value
                ? value
                : throw new ScenarioException($"Scenario '{file}' needs the environment variable {m.Groups[1].Value} (for '{text}'); it is not set."));

    private static GenerationSpace ReadGeneration(string file, GenerateEntry generate, IReadOnlyList<string> moduleFiles)
    {
        var modules = moduleFiles.Select(Path.GetFileNameWithoutExtension).ToArray();
        if (modules.Length == 0) throw new ScenarioException($"Invalid scenario '{file}': generate: needs modules to work on.");
        var calls = generate.Calls ?? [];
        foreach (var call in calls)
        {
            var dot = call.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == call.Length - 1 || !modules.Contains(call[..dot]))
            {
                throw new ScenarioException($"Invalid scenario '{file}': generate: call '{call}' is not module.function for one of the modules ({string.Join(", ", modules)}).");
            }
        }
        var users = generate.Users is { Count: > 0 } given ? given : ["root", "alice"];
        if (users.Any(string.IsNullOrWhiteSpace)) throw new ScenarioException($"Invalid scenario '{file}': generate: users must be names.");
        return new GenerationSpace(modules!, calls, users);
    }

    /// <summary>This scenario's image, modules, peripherals and accepted differences with other steps, as YAML a reader
    /// can rerun with <c>--scenario</c>; paths are written relative to <paramref name="folder"/>, where the file goes,
    /// unless they were written with an environment variable.</summary>
    public string ToYaml(IReadOnlyList<ScenarioStep> steps, string folder)
    {
        var text = new System.Text.StringBuilder();
        string Entry(string? written, string full) => written is not null && written.Contains("${", StringComparison.Ordinal) ? written : Path.GetRelativePath(folder, full);
        if (ImageFile is not null) text.Append("image: ").Append(Quote(Entry(ImageEntry, ImageFile))).Append('\n');
        text.Append("modules: [").Append(string.Join(", ", ModuleFiles.Select((f, i) => Quote(Entry(i < ModuleEntries.Count ? ModuleEntries[i] : null, f))))).Append("]\n");
        if (Image.Peripherals.Count > 0) text.Append(ScenarioPeripherals.ToYaml(Image.Peripherals));
        text.Append("steps:\n");
        foreach (var step in steps)
        {
            if (step.Attach is { } attach) text.Append("  - attach: ").Append(ScenarioPeripherals.ToYaml(attach)).Append('\n');
            else if (step.Detach is { } detach) text.Append("  - detach: ").Append(Quote(detach)).Append('\n');
            else text.Append("  - user: ").Append(Quote(step.User)).Append("\n    program: ").Append(Quote(step.Program)).Append('\n');
        }
        if (Accepted.Count > 0)
        {
            text.Append("accepted:\n");
            foreach (var a in Accepted) text.Append("  - key: ").Append(Quote(a.Key)).Append("\n    reason: ").Append(Quote(a.Reason)).Append('\n');
        }
        return text.ToString();
    }

    // YAML double-quoted scalars take JSON's escapes, so a JSON string is a YAML string (relaxed: quotes stay \").
    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, YamlStrings);

    private static readonly System.Text.Json.JsonSerializerOptions YamlStrings =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Document
    {
        public string? Image { get; set; }
        public List<string>? Modules { get; set; }

        /// <summary>Read apart, by <see cref="ScenarioPeripherals"/>, through YAML's node model.</summary>
        public object? Peripherals { get; set; }

        public List<StepEntry>? Steps { get; set; }
        public List<AcceptedEntry>? Accepted { get; set; }
        public GenerateEntry? Generate { get; set; }
    }

    private sealed class GenerateEntry
    {
        public List<string>? Calls { get; set; }
        public List<string>? Users { get; set; }
    }

    private sealed class AcceptedEntry
    {
        public string? Key { get; set; }
        public string? Reason { get; set; }
    }

    private sealed class StepEntry
    {
        public string? User { get; set; }
        public string? Program { get; set; }

        /// <summary>Read apart, by <see cref="ScenarioPeripherals"/>, through YAML's node model.</summary>
        public object? Attach { get; set; }

        public string? Detach { get; set; }
    }
}

/// <summary>A scenario file that cannot be used; the CLI prints the message and exits 2.</summary>
public sealed class ScenarioException(string message) : Exception(message);
