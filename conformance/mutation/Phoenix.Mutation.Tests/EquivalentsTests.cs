using Phoenix.Common;
using Phoenix.Mutation.Equivalents;
using Phoenix.Mutation.Mutants;

namespace Phoenix.Mutation.Tests;

public class EquivalentsTests
{
    private static string RepositoryFile(params string[] parts) => Path.Combine([RepositoryRoot.Find(), .. parts]);

    [Test]
    public void Parse_ReadsEntries()
    {
        const string yaml = """
            equivalents:
              - script: kmod.lua
                line: 3
                operator: constant
                original: "1"
                replacement: "2"
                reason: never read
            """;
        var entry = EquivalentMutants.Parse(yaml).Entries.Single();
        Assert.That(entry, Is.EqualTo(new EquivalentMutant("kmod.lua", 3, "constant", "1", "2", "never read")));
        Assert.That(entry.Matches(new Mutant("kmod.lua", 3, "constant", "1", "2", 10, 1, "MOD", null, "x = 1")), Is.True);
    }

    [TestCase("reason", "has no reason")]
    [TestCase("script", "has no script")]
    public void Parse_RefusesAnEntryWithoutAField(string missing, string message)
    {
        var fields = new Dictionary<string, string> { ["script"] = "kmod.lua", ["line"] = "3", ["operator"] = "constant", ["reason"] = "r" };
        fields.Remove(missing);
        var yaml = "equivalents:\n  - " + string.Join("\n    ", fields.Select(f => $"{f.Key}: {f.Value}"));
        Assert.That(() => EquivalentMutants.Parse(yaml), Throws.TypeOf<FormatException>().With.Message.Contains(message));
    }

    [Test]
    public void Parse_RefusesAnUnknownOperator()
    {
        const string yaml = "equivalents:\n  - {script: kmod.lua, line: 3, operator: swap, reason: r}";
        Assert.That(() => EquivalentMutants.Parse(yaml), Throws.TypeOf<FormatException>().With.Message.Contains("unknown operator"));
    }

    [Test]
    public void CommittedFile_IsValid_AndEveryEntryStillMatchesAMutant()
    {
        var equivalents = EquivalentMutants.Load(RepositoryFile("conformance", "mutation", "equivalent-mutants.yaml"));
        var stale = equivalents.Stale(MutantGenerator.ForReferenceKernel()).Select(e => $"{e.Script}:{e.Line} {e.Operator} '{e.Original}' → '{e.Replacement}'");
        Assert.That(stale, Is.Empty, "Entries whose mutant moved or is gone: fix their line or remove them.");
    }
}
