using Microsoft.Playwright;
using Phoenix.Conformance.Reporting.Html;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Html;

/// <summary>
/// Opens report.html from disk in headless Debian Chromium (never a browser Playwright downloads) and checks what a
/// reader sees. On a machine without /usr/bin/chromium the test fails with the one line that installs it; .ci/run
/// installs it, so CI always runs this check.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Report_OpenedInChromium_ShowsSummaryFamiliesAndFiltersRows()
    {
        if (!File.Exists(Chromium)) Assert.Fail("apt-get install -y chromium");
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, HtmlReportWriter.Write(CannedRun.Create()));
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri);

            // Summary: of the 4 canned MUST rules only MOD-AUTOLOAD passes; COMPAT rules are counted apart.
            Assert.That(await page.InnerTextAsync("#conformance"), Is.EqualTo("25.0%"));
            Assert.That(await page.InnerTextAsync("#count-total"), Is.EqualTo("5"));
            Assert.That(await page.InnerTextAsync("#compat-summary"), Does.Contain("1 of 2 pass"));
            Assert.That(await page.IsVisibleAsync("#family-MOD h3"), Is.True);
            Assert.That(await page.InnerTextAsync("#clause-MOD-API .clause-text"), Does.StartWith("The table a module returns is its API"));
            Assert.That(await page.InnerTextAsync("#shown-count"), Is.EqualTo("7"));

            // A clause whose rules all pass is folded until opened.
            var passRow = page.Locator("#clause-MOD-AUTOLOAD tr.rule");
            Assert.That(await passRow.IsVisibleAsync(), Is.False);
            await page.ClickAsync("#clause-MOD-AUTOLOAD details.passes > summary");
            Assert.That(await passRow.IsVisibleAsync(), Is.True);

            var failRow = page.Locator("tr.rule[data-outcome='fail'][data-level='MUST']");
            Assert.That(await failRow.IsVisibleAsync(), Is.True);
            await page.UncheckAsync("input[data-filter='outcome'][value='fail']");
            Assert.That(await failRow.IsVisibleAsync(), Is.False);
            Assert.That(await page.InnerTextAsync("#shown-count"), Is.EqualTo("5"));

            // Unchecking MUST leaves only SHOULD and COMPAT rows; the MOD family keeps its SHOULD rule.
            await page.UncheckAsync("input[data-filter='level'][value='MUST']");
            Assert.That(await page.Locator("tr.rule:visible").CountAsync(), Is.EqualTo(2));

            // What went wrong comes first: the unexpected results, each with the command that replays it.
            var attention = await page.InnerTextAsync("#attention");
            Assert.That(attention, Does.StartWith("Unexpected results (").And.Contain("MOD-API/Callmodule_ReturnsApiResult").And.Contain("replay: ./run-conformance.sh"));
            Assert.That(await page.Locator("#attention tr.attention").CountAsync(), Is.GreaterThanOrEqualTo(3));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
