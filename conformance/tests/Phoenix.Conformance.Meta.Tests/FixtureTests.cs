using Phoenix.Conformance.Harness.Fixtures;
using Phoenix.Conformance.Suite;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>Every fixture is embedded, used by a rule and listed in fixtures/README.md.</summary>
public class FixtureTests
{
    private static readonly string SuiteSource = string.Join("\n",
        Directory.EnumerateFiles(RepositoryLayout.Combine("conformance", "src", "Phoenix.Conformance.Suite"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText));

    // fixtures/kernels/ holds whole Lua kernels that the CraftOS host boots (Phoenix.CraftOS.Tests), not modules a
    // rule puts into a boot image: they are never embedded in the suite or named by a rule, so only the README
    // index applies to them (KernelFixture_IsIndexed).
    private const string KernelsFolder = "kernels/";

    // fixtures/kernel-api/ holds look-alike modules for Phoenix's kernel API beyond the page (reference-kernel/
    // KERNEL-API.md): no rule of the page's suite boots them; the reference kernel's own tests do (KernelApiFixture_…).
    private const string KernelApiFolder = "kernel-api/";

    private static readonly string KernelTestsSource = string.Join("\n",
        Directory.EnumerateFiles(RepositoryLayout.Combine("reference-kernel", "tests", "Phoenix.ReferenceKernel.Tests"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText));

    public static IEnumerable<string> Fixtures() => AllLuaFixtures()
        .Where(f => !f.StartsWith(KernelsFolder, StringComparison.Ordinal) && !f.StartsWith(KernelApiFolder, StringComparison.Ordinal));

    public static IEnumerable<string> KernelApiFixtures() => AllLuaFixtures().Where(f => f.StartsWith(KernelApiFolder, StringComparison.Ordinal));

    public static IEnumerable<string> KernelFixtures() => AllLuaFixtures().Where(f => f.StartsWith(KernelsFolder, StringComparison.Ordinal));

    private static IEnumerable<string> AllLuaFixtures() =>
        Directory.EnumerateFiles(RepositoryLayout.Combine("fixtures"), "*.lua", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryLayout.Combine("fixtures"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(KernelFixtures))]
    public void KernelFixture_IsIndexed(string fixture) =>
        Assert.That(File.ReadAllText(RepositoryLayout.Combine("fixtures", "README.md")), Does.Contain($"`{fixture}`"), "listed in fixtures/README.md");

    /// <summary>A kernel-api fixture is listed in the index and named by the reference kernel's tests: a module by its
    /// file name without ".lua" (KernelApiImage.With("toolbox")), a library by its path below kernel-api/.</summary>
    [TestCaseSource(nameof(KernelApiFixtures))]
    public void KernelApiFixture_IsIndexedAndUsedByTheReferenceKernelsTests(string fixture)
    {
        var relative = fixture[KernelApiFolder.Length..];
        var name = relative.Contains('/') ? relative : relative[..^".lua".Length];
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(RepositoryLayout.Combine("fixtures", "README.md")), Does.Contain($"`{fixture}`"), "listed in fixtures/README.md");
            Assert.That(KernelTestsSource, Does.Contain($"\"{name}\"").Or.Contain($"\"{System.IO.Path.GetFileNameWithoutExtension(name)}\""),
                "used by reference-kernel/tests/Phoenix.ReferenceKernel.Tests");
        });
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_IsEmbeddedUsedAndIndexed(string fixture)
    {
        var readme = File.ReadAllText(RepositoryLayout.Combine("fixtures", "README.md"));
        Assert.Multiple(() =>
        {
            Assert.That(FixtureLibrary.For(SuiteAssembly.Assembly).Paths, Does.Contain(fixture), "embedded in the suite");
            Assert.That(SuiteSource, Does.Contain($"\"{fixture}\""), "used by a rule");
            Assert.That(readme, Does.Contain($"`{fixture}`"), "listed in fixtures/README.md");
        });
    }
}
