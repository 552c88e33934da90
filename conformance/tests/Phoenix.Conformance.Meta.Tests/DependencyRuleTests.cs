using System.Xml.Linq;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>
/// The project dependency rules of the architecture: the contract depends on nothing; the suite and the runner
/// never reference a kernel; the reference kernel never references the suite.
/// </summary>
public class DependencyRuleTests
{
    private static IReadOnlyList<string> References(string project)
    {
        var file = Directory.EnumerateFiles(RepositoryLayout.Root, project + ".csproj", SearchOption.AllDirectories).Single();
        return XDocument.Load(file).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .ToArray();
    }

    [TestCase("Phoenix.Conformance.Abstractions", new string[0])]
    [TestCase("Phoenix.Conformance.Rules", new string[0])]
    [TestCase("Phoenix.Conformance.Harness", new[] { "Phoenix.Conformance.Abstractions", "Phoenix.Conformance.Rules" })]
    [TestCase("Phoenix.Conformance.Suite", new[] { "Phoenix.Conformance.Harness" })]
    [TestCase("Phoenix.Lua", new[] { "Phoenix.Conformance.Abstractions" })]
    [TestCase("Phoenix.ReferenceKernel", new[] { "Phoenix.Lua" })]
    [TestCase("Phoenix.ReferenceKernel.Adapter", new[] { "Phoenix.ReferenceKernel", "Phoenix.Conformance.Abstractions" })]
    [TestCase("Phoenix.Mutation", new[] { "Phoenix.Conformance.Suite", "Phoenix.ReferenceKernel.Adapter" })]
    // Each row: a project and the only projects it may reference directly.
    public void Project_ReferencesOnlyWhatItMay(string project, string[] allowed) =>
        Assert.That(References(project), Is.SubsetOf(allowed));

    [TestCase("Phoenix.Conformance.Suite")]
    [TestCase("Phoenix.Conformance.Harness")]
    [TestCase("Phoenix.Conformance.Tests")]
    // Each row: a project of the rule suite, which finds kernels by configuration only.
    public void SuiteProject_DoesNotReferenceTheKernelOrEngine(string project) =>
        Assert.That(References(project), Has.None.AnyOf("Phoenix.ReferenceKernel", "Phoenix.Lua"));
}
