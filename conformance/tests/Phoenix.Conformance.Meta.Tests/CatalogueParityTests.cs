using System.Text.RegularExpressions;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Meta.Tests;

/// <summary>The clause catalogue in code and conformance/spec/clauses.md say the same thing, row for row.</summary>
public partial class CatalogueParityTests
{
    private static IReadOnlyList<(string Id, string Level, string Profiles, string Text)> SpecRows()
    {
        Assert.That(File.Exists(RepositoryLayout.ClausesFile), Is.True,
            $"The clause catalogue {RepositoryLayout.ClausesFile} is missing.");
        return Row().Matches(File.ReadAllText(RepositoryLayout.ClausesFile))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.Trim(), m.Groups[4].Value.Trim()))
            .ToArray();
    }

    [Test]
    public void PageClauses_MatchClausesMd_IdsLevelsProfilesAndText()
    {
        var spec = SpecRows().Select(r => $"{r.Id} | {r.Level} | {r.Profiles} | {r.Text}").ToArray();
        var code = PageClauses.All.Select(c =>
            $"{c.Id} | {c.Level.ToString().ToUpperInvariant()} | {ProfilesText(c.Profiles)} | {c.Text}").ToArray();
        Assert.That(code, Is.EqualTo(spec));
    }

    [Test]
    public void CompatClauses_FollowTheNamingRule_AndCiteTheFacts()
    {
        foreach (var clause in CompatClauses.All)
        {
            Assert.That(clause.Id, Does.Match("^PX-[A-Z]+(-[A-Z0-9]+)+$"), clause.Id);
            Assert.That(clause.Level, Is.EqualTo(ClauseLevel.Compat), clause.Id);
            Assert.That(clause.Source, Does.StartWith("facts §"), clause.Id);
        }
    }

    [Test]
    public void AdvisoryClauses_FollowTheNamingRule_AndNameAPageSentence()
    {
        Assert.That(AdvisoryClauses.All, Is.Not.Empty);
        foreach (var clause in AdvisoryClauses.All)
        {
            Assert.That(clause.Id, Does.Match("^ADV-[A-Z]+(-[A-Z0-9]+)+$"), clause.Id);
            Assert.That(clause.Level, Is.EqualTo(ClauseLevel.Advisory), clause.Id);
            Assert.That(clause.Source, Does.StartWith("page: "), clause.Id);
            Assert.That(clause.Serves, Is.Not.Null.And.Not.Empty, clause.Id);
        }
    }

    [Test]
    public void AdvisoryClauses_QuoteThePageVerbatim()
    {
        // The page is Phoenix's documentation, not in the repository (RepositoryLayout.PageFile): without it, skip.
        var file = RepositoryLayout.PageFile("kernel-modules.v1.md");
        if (file is null)
        {
            Assert.Ignore("did not run: kernel-modules.v1.md not found (in conformance/spec or ../shared/spec)");
        }
        // The sentence each serves is the page's own words, so a reader can find it (the v1 page, code quotes aside).
        var page = File.ReadAllText(file).Replace("`", "", StringComparison.Ordinal);
        foreach (var clause in AdvisoryClauses.All)
        {
            Assert.That(page, Does.Contain(clause.Serves), clause.Id);
        }
    }

    [Test]
    public void LevelsOutsideThePage_AreOnlyInTheirOwnLists()
    {
        Assert.That(PageClauses.All.Select(c => c.Level), Has.None.EqualTo(ClauseLevel.Compat).And.None.EqualTo(ClauseLevel.Advisory));
        Assert.That(ClauseCatalogue.All.Where(c => c.Level == ClauseLevel.Advisory), Is.EqualTo(AdvisoryClauses.All));
    }

    [Test]
    public void ClauseIds_AreUnique()
    {
        var duplicates = ClauseCatalogue.All.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(duplicates, Is.Empty);
    }

    private static string ProfilesText(Profiles profiles) => profiles switch
    {
        Profiles.Both => "v1 v2",
        Profiles.V1 => "v1",
        Profiles.V2 => "v2",
        _ => "",
    };

    [GeneratedRegex(@"^\| ([A-Z]+(?:-[A-Z0-9]+)+) \| (MUST|SHOULD|COMPAT) \| ([v12 ]+) \| (.*) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
