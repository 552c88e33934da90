using System.Text.RegularExpressions;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>
/// Kernel code is findable by clause. Every file of the reference kernel (the C# under reference-kernel/src and the
/// Lua glue in Phoenix.ReferenceKernel/Scripting) and of the ComputerCraft simulation it runs on
/// (common/src/Phoenix.ComputerCraft: peripherals, modems, path rules) opens with a header: <c>Clauses:</c> the page's and advisory clauses
/// it implements (or "none", with why), optional <c>Compat:</c> lines of the COMPAT clauses, and <c>Mirrors:</c> the
/// Phoenix part it stands for. Every MUST clause is named by some kernel file's header and by the rule suite's source,
/// so <c>git grep &lt;ID&gt;</c> finds both.
/// </summary>
public sealed partial class KernelClauseTests
{
    private static readonly string KernelRoot = RepositoryLayout.Combine("reference-kernel", "src");

    private static readonly string SimulationRoot = RepositoryLayout.Combine("common", "src", "Phoenix.ComputerCraft");

    private static IEnumerable<string> KernelFiles() =>
        SourceFiles(KernelRoot, "*.cs")
            .Concat(SourceFiles(SimulationRoot, "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(KernelRoot, "Phoenix.ReferenceKernel", "Scripting"), "*.lua"))
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>The header's lines by key (Clauses, Compat, Mirrors): the comment lines the file opens with. A long
    /// list goes on over several lines with the same key.</summary>
    private static Dictionary<string, string> Header(string file)
    {
        var marker = file.EndsWith(".lua", StringComparison.Ordinal) ? "--" : "//";
        return File.ReadLines(RepositoryLayout.Combine(file))
            .TakeWhile(line => line.StartsWith(marker, StringComparison.Ordinal))
            .Select(line => HeaderLine().Match(line[marker.Length..]))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(m => m.Groups[2].Value.Trim())), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Ids(string text) => ClauseId().Matches(text).Select(m => m.Value);

    [TestCaseSource(nameof(KernelFiles))]
    public void KernelFile_NamesItsClausesAndThePhoenixPartItMirrors(string file)
    {
        var header = Header(file);
        Assert.That(header.Keys, Does.Contain("Clauses").And.Contain("Mirrors"),
            $"{file} must open with '// Clauses: …' (or '-- Clauses: …') and '… Mirrors: …' lines");
        var clauses = header["Clauses"];
        Assert.Multiple(() =>
        {
            Assert.That(Ids(clauses).Any() || clauses.StartsWith("none", StringComparison.Ordinal), Is.True,
                $"{file}: 'Clauses:' names clause IDs or says none");
            foreach (var id in Ids(clauses))
            {
                Assert.That(ClauseCatalogue.TryGet(id, out var clause) && clause.Level != ClauseLevel.Compat, Is.True,
                    $"{file}: {id} on the Clauses line is not a page or advisory clause of the catalogue");
            }
            foreach (var id in header.TryGetValue("Compat", out var compat) ? Ids(compat) : [])
            {
                Assert.That(ClauseCatalogue.TryGet(id, out var clause) && clause.Level == ClauseLevel.Compat, Is.True,
                    $"{file}: {id} on the Compat line is not a COMPAT clause of the catalogue");
            }
            Assert.That(header["Mirrors"], Is.Not.Empty, $"{file}: 'Mirrors:' is empty");
        });
    }

    [Test]
    public void EveryMustClause_IsNamedByKernelCode_AndByTheRules()
    {
        var kernel = KernelFiles().SelectMany(f => Ids(Header(f)["Clauses"])).ToHashSet(StringComparer.Ordinal);
        var rules = SourceFiles(RepositoryLayout.Combine("conformance", "src", "Phoenix.Conformance.Suite"), "*.cs")
            .SelectMany(f => Ids(File.ReadAllText(f))).ToHashSet(StringComparer.Ordinal);
        var must = ClauseCatalogue.All.Where(c => c.Level == ClauseLevel.Must).Select(c => c.Id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(must.Where(id => !kernel.Contains(id)), Is.Empty, "MUST clauses no kernel file names in its Clauses header");
            Assert.That(must.Where(id => !rules.Contains(id)), Is.Empty, "MUST clauses the rule suite's source never names");
        });
    }

    [GeneratedRegex(@"^ (Clauses|Compat|Mirrors): (.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\b(?:MOD|FS|DRV|PX|ADV)(?:-[A-Z0-9]+)+\b")]
    private static partial Regex ClauseId();
}
