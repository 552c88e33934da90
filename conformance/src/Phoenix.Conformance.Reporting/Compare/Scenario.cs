using Phoenix.Conformance.Abstractions.Boot;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>One step of a scenario: a user program (Lua, run in user mode as <paramref name="User"/>).</summary>
public sealed record ScenarioStep(string User, string Program);

/// <summary>A difference the page leaves open, accepted with its reason: by key ("step 2", "mountlist", …).</summary>
public sealed record AcceptedDifference(string Key, string Reason);

/// <summary>
/// A scenario for <c>compare</c>: modules to install in /lib/modules (root-owned, loaded at boot), then steps run in
/// order as users. Written in YAML:
/// <code>
/// modules: [mymodule.lua]            # relative to the scenario file
/// steps:
///   - user: alice
///     program: return syscall.callmodule("mymodule", "echo", 1, nil, "three")
/// accepted:                          # differences the page leaves open, with why
///   - key: mountlist
///     reason: the root filesystem's type is the kernel's choice
/// </code>
/// </summary>
public sealed record Scenario(BootImage Image, IReadOnlyList<ScenarioStep> Steps, string Source)
{
    /// <summary>Differences listed under <c>accepted:</c> (key and reason), printed as accepted and not counted.</summary>
    public IReadOnlyList<AcceptedDifference> Accepted { get; init; } = [];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads a scenario file; throws <see cref="ScenarioException"/> with a one-line reason.</summary>
    public static Scenario Read(string file)
    {
        if (!File.Exists(file)) throw new ScenarioException($"Cannot read scenario '{file}': no such file.");
        Document? document;
        try
        {
            document = Reader.Deserialize<Document?>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            throw new ScenarioException($"Invalid scenario '{file}' at line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim()}");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var image = BootImage.Empty;
        foreach (var module in document?.Modules ?? [])
        {
            var path = Path.Combine(folder, module);
            if (!File.Exists(path)) throw new ScenarioException($"Invalid scenario '{file}': module file '{module}' not found beside it.");
            image = image.WithFile("/lib/modules/" + Path.GetFileName(path), File.ReadAllBytes(path));
        }
        var steps = new List<ScenarioStep>();
        foreach (var (step, index) in (document?.Steps ?? []).Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(step.User) || string.IsNullOrWhiteSpace(step.Program))
            {
                throw new ScenarioException($"Invalid scenario '{file}': step {index} needs a user and a program.");
            }
            steps.Add(new ScenarioStep(step.User, step.Program));
        }
        if (steps.Count == 0) throw new ScenarioException($"Invalid scenario '{file}': no steps.");
        var accepted = new List<AcceptedDifference>();
        foreach (var (entry, index) in (document?.Accepted ?? []).Select((a, i) => (a, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(entry.Key) || string.IsNullOrWhiteSpace(entry.Reason))
            {
                throw new ScenarioException($"Invalid scenario '{file}': accepted difference {index} needs a key and a reason.");
            }
            accepted.Add(new AcceptedDifference(entry.Key, entry.Reason));
        }
        return new Scenario(image, steps, file) { Accepted = accepted };
    }

    private sealed class Document
    {
        public List<string>? Modules { get; set; }
        public List<StepEntry>? Steps { get; set; }
        public List<AcceptedEntry>? Accepted { get; set; }
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
    }
}

/// <summary>A scenario file that cannot be used; the CLI prints the message and exits 2.</summary>
public sealed class ScenarioException(string message) : Exception(message);
