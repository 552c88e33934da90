using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>
/// The project graph: every project of the solution and the only projects it may reference, the same graph the
/// README draws ("Project graph"). The walk starts at every project the solution lists and follows ProjectReferences
/// transitively, so a project reached only through another one is checked too.
/// </summary>
public sealed partial class ProjectGraphTests
{
    /// <summary>Each project and the projects it references directly: exactly these, no more, no fewer.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Phoenix.Values"] = [],
        ["Phoenix.Conformance.Abstractions"] = ["Phoenix.Values"],
        ["Phoenix.Conformance.Rules"] = [],
        ["Phoenix.Lua"] = ["Phoenix.Values"],
        ["Phoenix.ComputerCraft"] = ["Phoenix.Values"],
        ["Phoenix.ReferenceKernel"] = ["Phoenix.Lua", "Phoenix.ComputerCraft"],
        ["Phoenix.ReferenceKernel.Adapter"] = ["Phoenix.ReferenceKernel", "Phoenix.Conformance.Abstractions"],
        ["Phoenix.CraftOS"] = ["Phoenix.Lua", "Phoenix.ComputerCraft"],
        ["Phoenix.CraftOS.Adapter"] = ["Phoenix.CraftOS", "Phoenix.Conformance.Abstractions"],
        // The cross-process protocol: serves any adapter and is the exec: adapter; it knows only the contract.
        ["Phoenix.Conformance.Protocol.Adapter"] = ["Phoenix.Conformance.Abstractions"],
        ["Phoenix.Conformance.Harness"] = ["Phoenix.Conformance.Abstractions", "Phoenix.Conformance.Rules"],
        ["Phoenix.Conformance.Suite"] = ["Phoenix.Conformance.Harness"],
        ["Phoenix.Conformance.Reporting"] = ["Phoenix.Conformance.Abstractions", "Phoenix.Conformance.Rules", "Phoenix.Conformance.Harness"],
        ["Phoenix.Conformance.Cli"] = ["Phoenix.Conformance.Suite", "Phoenix.Conformance.Reporting", "Phoenix.Conformance.Harness", "Phoenix.ReferenceKernel.Adapter", "Phoenix.CraftOS.Adapter", "Phoenix.Conformance.ModuleCheck", "Phoenix.Conformance.Protocol.Adapter"],
        // Checks modules (not kernels) on the reference kernel, so it may reach it; the suite never reaches it.
        ["Phoenix.Conformance.ModuleCheck"] = ["Phoenix.Conformance.Rules", "Phoenix.ReferenceKernel"],
        ["Phoenix.Mutation"] = ["Phoenix.Conformance.Suite", "Phoenix.ReferenceKernel.Adapter"],
        ["Phoenix.Conformance.Tests"] = ["Phoenix.Conformance.Suite", "Phoenix.Conformance.Reporting", "Phoenix.ReferenceKernel.Adapter", "Phoenix.CraftOS.Adapter"],
        ["Phoenix.Conformance.SelfTests"] = ["Phoenix.Conformance.Suite", "Phoenix.ReferenceKernel.Adapter"],
        ["Phoenix.Conformance.Meta.Tests"] = ["Phoenix.Conformance.Suite", "Phoenix.Conformance.Reporting", "Phoenix.Conformance.ModuleCheck"],
        ["Phoenix.Conformance.Reporting.Tests"] = ["Phoenix.Testing", "Phoenix.Conformance.Reporting", "Phoenix.Conformance.Cli"],
        ["Phoenix.CraftOS.Tests"] = ["Phoenix.CraftOS.Adapter", "Phoenix.Conformance.Suite", "Phoenix.Conformance.Reporting"],
        ["Phoenix.Testing"] = [],
        ["Phoenix.Conformance.Protocol.Tests"] = ["Phoenix.Conformance.Protocol.Adapter", "Phoenix.Conformance.Cli"],
        ["Phoenix.Lua.Tests"] = ["Phoenix.Lua", "Phoenix.Conformance.Harness"],
        ["Phoenix.ComputerCraft.Tests"] = ["Phoenix.ComputerCraft"],
        ["Phoenix.ReferenceKernel.Tests"] = ["Phoenix.Testing", "Phoenix.ReferenceKernel", "Phoenix.ReferenceKernel.Adapter", "Phoenix.Conformance.Harness"],
        ["Phoenix.Mutation.Tests"] = ["Phoenix.Mutation"],
        ["Phoenix.Conformance.ModuleCheck.Tests"] = ["Phoenix.Conformance.ModuleCheck"],
        ["Phoenix.ReferenceKernel.Benchmarks"] = ["Phoenix.ReferenceKernel"],
        ["Phoenix.CraftOS.Benchmarks"] = ["Phoenix.CraftOS.Adapter", "Phoenix.Conformance.Suite"],
    };

    /// <summary>Edges of <see cref="Allowed"/> that are known debts (dotted in the README), to be removed, not copied.
    /// None today; a debt taken on is listed here and drawn dotted.</summary>
    private static readonly (string From, string To)[] Debts = [];

    /// <summary>The kernels and the simulation they share, each without its adapter: they own their types and never
    /// reach the contract; each adapter is the one place that translates.</summary>
    private static readonly string[] KernelsWithoutAdapters =
        ["Phoenix.Lua", "Phoenix.ComputerCraft", "Phoenix.ReferenceKernel", "Phoenix.CraftOS"];

    private static readonly string[] Kernels =
        ["Phoenix.Lua", "Phoenix.ComputerCraft", "Phoenix.ReferenceKernel", "Phoenix.ReferenceKernel.Adapter", "Phoenix.CraftOS", "Phoenix.CraftOS.Adapter"];

    private static readonly string[] SuiteSide =
        ["Phoenix.Conformance.Rules", "Phoenix.Conformance.Harness", "Phoenix.Conformance.Suite", "Phoenix.Conformance.Reporting", "Phoenix.Conformance.Cli"];

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Actual = new(Walk);

    [Test]
    public void EveryProject_IsInTheTable_AndTheTableHasNoOther()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Actual.Value.Keys.Except(Allowed.Keys), Is.Empty, "projects missing from the table (and the README)");
            Assert.That(Allowed.Keys.Except(Actual.Value.Keys), Is.Empty, "projects in the table that the solution no longer has");
        });
    }

    [Test]
    public void EveryProjectFile_IsInTheSolution_ExceptTheAdapterTemplate()
    {
        var files = Directory.EnumerateFiles(RepositoryLayout.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("packaging/", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension);
        Assert.That(files, Is.EquivalentTo(SolutionProjects().Select(Path.GetFileNameWithoutExtension)));
    }

    [Test]
    public void EveryReference_IsAllowed_AndEveryAllowedReferenceExists()
    {
        var unexpected = Edges(Actual.Value).Except(Edges(Allowed)).ToArray();
        var gone = Edges(Allowed).Except(Edges(Actual.Value)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(unexpected, Is.Empty, "references that neither the table nor the README allow");
            Assert.That(gone, Is.Empty, "allowed references that are gone: take them out of the table and the README");
        });
    }

    [Test]
    public void TheSuite_NeverReachesAKernelOrTheEngine()
    {
        foreach (var project in SuiteSide.Where(p => p != "Phoenix.Conformance.Cli"))
        {
            Assert.That(Reach(project), Has.None.AnyOf(Kernels), project);
        }
    }

    [Test]
    public void TheKernels_NeverReachTheContract_OnlyTheirAdaptersDo()
    {
        foreach (var project in KernelsWithoutAdapters)
        {
            Assert.That(Reach(project), Has.No.Member("Phoenix.Conformance.Abstractions"), project);
        }
    }

    [Test]
    public void TheKernels_NeverReachTheSuite()
    {
        foreach (var project in Kernels)
        {
            Assert.That(Reach(project), Has.None.AnyOf(SuiteSide), project);
        }
    }

    [Test]
    public void TheValuesAndTheCatalogue_ReachNothing_TheContractAndTheEngineOnlyTheValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Reach("Phoenix.Values"), Is.Empty);
            Assert.That(Reach("Phoenix.Conformance.Rules"), Is.Empty);
            Assert.That(Reach("Phoenix.Conformance.Abstractions"), Is.EquivalentTo(new[] { "Phoenix.Values" }));
            Assert.That(Reach("Phoenix.Lua"), Is.EquivalentTo(new[] { "Phoenix.Values" }));
        });
    }

    [Test]
    public void NoProductionProject_ReachesATestOrBenchmarkProject()
    {
        // Phoenix.Testing holds helpers for our tests (snapshots): test code too, though not a test project.
        static bool IsTestOrBenchmark(string p) => p.EndsWith(".Tests", StringComparison.Ordinal) || p == "Phoenix.Testing"
            || p.EndsWith(".SelfTests", StringComparison.Ordinal) || p.EndsWith(".Benchmarks", StringComparison.Ordinal);
        foreach (var project in Actual.Value.Keys.Where(p => !IsTestOrBenchmark(p)))
        {
            Assert.That(Reach(project).Where(IsTestOrBenchmark), Is.Empty, project);
        }
    }

    [Test]
    public void TheReadmePicture_DrawsTheTable()
    {
        var readme = File.ReadAllText(RepositoryLayout.Combine("README.md"));
        var start = readme.IndexOf("## Project graph", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no 'Project graph' section");
        var block = readme[readme.IndexOf("```mermaid", start, StringComparison.Ordinal)..];
        block = block[..block.IndexOf("```", "```mermaid".Length, StringComparison.Ordinal)];
        var names = MermaidNode().Matches(block).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var drawn = MermaidEdge().Matches(block)
            .Select(m => (From: names[m.Groups[1].Value], To: names[m.Groups[3].Value], Debt: m.Groups[2].Value != "-->"))
            .ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Allowed.Keys.Except(names.Values), Is.Empty, "projects the README does not draw");
            Assert.That(names.Values.Except(Allowed.Keys), Is.Empty, "projects the README draws that the table does not have");
            Assert.That(Edges(Allowed).Except(drawn.Select(e => $"{e.From} -> {e.To}")), Is.Empty, "arrows the README does not draw");
            Assert.That(drawn.Select(e => $"{e.From} -> {e.To}").Except(Edges(Allowed)), Is.Empty, "arrows the README draws that the table does not have");
            Assert.That(drawn.Where(e => e.Debt).Select(e => $"{e.From} -> {e.To}"),
                Is.EquivalentTo(Debts.Select(d => $"{d.From} -> {d.To}")), "the dotted arrows (debts)");
        });
    }

    private static IEnumerable<string> Edges(IReadOnlyDictionary<string, string[]> graph) =>
        graph.SelectMany(p => p.Value.Select(to => $"{p.Key} -> {to}"));

    /// <summary>Every project the given one depends on, directly or not, in the actual graph.</summary>
    private static HashSet<string> Reach(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Actual.Value[project]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next)) foreach (var further in Actual.Value[next]) pending.Push(further);
        }
        return seen;
    }

    /// <summary>The actual graph: from every project of the solution, its ProjectReferences, followed transitively
    /// (by path, so a project outside the solution is found too).</summary>
    private static IReadOnlyDictionary<string, string[]> Walk()
    {
        var graph = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pending = new Stack<string>(SolutionProjects().Select(p => Path.GetFullPath(Path.Combine(RepositoryLayout.Root, p))));
        while (pending.TryPop(out var file))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (graph.ContainsKey(name)) continue;
            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, e.Attribute("Include")!.Value.Replace('\\', '/'))))
                .ToArray();
            graph[name] = references.Select(Path.GetFileNameWithoutExtension).ToArray()!;
            foreach (var reference in references) pending.Push(reference);
        }
        return graph;
    }

    private static IEnumerable<string> SolutionProjects() =>
        SolutionProject().Matches(File.ReadAllText(RepositoryLayout.Combine("Phoenix.Conformance.sln")))
            .Select(m => m.Groups[1].Value.Replace('\\', '/'));

    [GeneratedRegex(@"^Project\(""[^""]+""\) = ""[^""]+"", ""([^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();

    [GeneratedRegex(@"^\s*(\w+)\[""([^""]+)""\]\s*$", RegexOptions.Multiline)]
    private static partial Regex MermaidNode();

    [GeneratedRegex(@"^\s*(\w+) (-->|-\.->\|debt\|) (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MermaidEdge();
}
