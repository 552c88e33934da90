using System.Text.RegularExpressions;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>
/// Kernel code is findable by clause. Every C# file of the reference kernel (under reference-kernel/src) opens with a
/// header: <c>Clauses:</c> the page's and advisory clauses it implements (or "none", with why), an optional
/// <c>Compat:</c> line of the COMPAT clauses, and <c>Mirrors:</c> the Phoenix part it stands for.
/// </summary>
public sealed partial class KernelClauseTests
{
    private static readonly string KernelRoot = RepositoryLayout.Combine("reference-kernel", "src");

    private static IEnumerable<string> KernelFiles() =>
        SourceFiles(KernelRoot, "*.cs")
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>The header's lines by key (Clauses, Compat, Mirrors): the comment lines the file opens with.</summary>
    private static Dictionary<string, string> Header(string file)
    {
        var marker = file.EndsWith(".lua", StringComparison.Ordinal) ? "--" : "//";
        return File.ReadLines(RepositoryLayout.Combine(file))
            .TakeWhile(line => line.StartsWith(marker, StringComparison.Ordinal))
            .Select(line => HeaderLine().Match(line[marker.Length..]))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
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

    [GeneratedRegex(@"^ (Clauses|Compat|Mirrors): (.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\b(?:MOD|FS|DRV|PX|ADV)(?:-[A-Z0-9]+)+\b")]
    private static partial Regex ClauseId();
}
