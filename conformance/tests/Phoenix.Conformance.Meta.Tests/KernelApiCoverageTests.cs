using System.Text.RegularExpressions;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>
/// Every name of reference-kernel/KERNEL-API.md's "Implemented" list is used by one of our look-alike modules in
/// fixtures/kernel-api (which the reference kernel's tests boot in CI: <see cref="FixtureTests"/>), so CI covers
/// the kernel API real modules rely on without the real modules. Comments do not count: the name must be code.
/// </summary>
public class KernelApiCoverageTests
{
    private static readonly string ApiFile = RepositoryLayout.Combine("reference-kernel", "KERNEL-API.md");

    /// <summary>The listed names: each backticked name in the first column of the Implemented table, call syntax
    /// dropped (<c>expect(index, …)</c> is <c>expect</c>); <c>.name</c> continues the previous name's table
    /// (<c>hardware.get</c>, <c>.find</c>); placeholders (<c>syscalls.&lt;name&gt;</c>) and rows without a name
    /// (a behaviour, such as handles crossing back by reference) are skipped.</summary>
    public static IReadOnlyList<string> ListedNames(string markdown)
    {
        var section = markdown.Split("\n## Implemented", 2) is [_, var rest] ? rest.Split("\n## ", 2)[0] : "";
        var names = new List<string>();
        foreach (var row in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            string? previous = null;
            foreach (Match code in Regex.Matches(row.Split('|')[1], "`([^`]+)`"))
            {
                var name = Regex.Split(code.Groups[1].Value, @"[(\s]")[0];
                if (name.StartsWith('.') && previous is not null) name = previous[..previous.LastIndexOf('.')] + name;
                if (name.Contains('<', StringComparison.Ordinal)) continue;
                names.Add(name);
                previous = name;
            }
        }
        return names;
    }

    /// <summary>Our look-alike modules and libraries, comments removed.</summary>
    private static readonly string FixtureCode = string.Join("\n",
        Directory.EnumerateFiles(RepositoryLayout.Combine("fixtures", "kernel-api"), "*.lua", SearchOption.AllDirectories)
            .Select(f => WithoutComments(File.ReadAllText(f))));

    public static IEnumerable<string> Names() => ListedNames(File.ReadAllText(ApiFile));

    [Test]
    public void TheListIsRead_WholeAndInTheRightShape()
    {
        var names = Names().ToList();
        Assert.That(names, Has.Count.GreaterThan(50));
        Assert.That(names, Does.Contain("eventHooks").And.Contain("hardware.find").And.Contain("filesystem.mountlist")
            .And.Contain("expect").And.Contain("syslog.panic").And.Contain("filesystems.craftos").And.Contain("os.epoch"));
    }

    [Test]
    public void ListedNames_ContinueDottedNames_AndSkipPlaceholders() =>
        Assert.That(ListedNames("# t\n## Implemented\n| `hardware.get`, `.find(x)` | a |\n| `syscalls.<name>(p)` | b |\n| plain words | c |\n## Not yet\n| `later` | d |\n"),
            Is.EqualTo(new[] { "hardware.get", "hardware.find" }));

    [TestCaseSource(nameof(Names))]
    public void ListedName_IsUsedByALookAlikeFixture(string name) =>
        Assert.That(Regex.IsMatch(FixtureCode, @"(?<![\w.])" + Regex.Escape(name) + @"(?!\w)"), Is.True,
            $"'{name}' (reference-kernel/KERNEL-API.md, Implemented) is used by no module of fixtures/kernel-api: add it to a look-alike fixture and a reference kernel test that calls it");

    /// <summary>Lua source without its comments (<c>--</c> to the end of the line, and <c>--[[ … ]]</c>); quoted
    /// strings are kept whole, so a "--" inside one (a mode such as "r--") is not taken for a comment.</summary>
    private static string WithoutComments(string lua) =>
        Regex.Replace(lua, @"(""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])*')|--\[(=*)\[.*?\]\2\]|--[^\n]*",
            m => m.Groups[1].Success ? m.Value : "", RegexOptions.Singleline);

    [Test]
    public void Comments_AreDropped_ButNotDashesInStrings() =>
        Assert.That(WithoutComments("a(\"r--\") -- b\nc --[[ d\n e ]] f 'x--y'"), Is.EqualTo("a(\"r--\") \nc  f 'x--y'"));
}
