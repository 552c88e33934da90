using System.Text.RegularExpressions;
using Phoenix.Common;
using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Cli.Commands;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>
/// run-conformance.sh and run-conformance.ps1 pass every argument through to the CLI's <c>run</c>, so they accept the
/// same options by construction; what can drift is what they tell their reader. Both must list exactly the options
/// <c>run</c> has. (That both give the same results is checked in CI, which runs the v2 gate through each and diffs
/// the two results.json files.)
/// </summary>
public sealed partial class WrapperScriptTests
{
    [TestCase("run-conformance.sh")]
    [TestCase("run-conformance.ps1")]
    public void Script_ListsExactlyTheOptionsOfRun(string script)
    {
        var header = string.Join(' ', File.ReadLines(Path.Combine(RepositoryRoot.Find(), script)).Where(l => l.StartsWith('#')).Take(6));
        var listed = OptionName().Matches(header[header.IndexOf("same options", StringComparison.Ordinal)..header.IndexOf(')', StringComparison.Ordinal)])
            .Select(m => m.Value).Order(StringComparer.Ordinal);
        var actual = RunCommand.Create(CliContext.For(TextWriter.Null, TextWriter.Null)).Options
            .Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help").Order(StringComparer.Ordinal);
        Assert.That(listed, Is.EqualTo(actual));
    }

    [GeneratedRegex("--[a-z-]+")]
    private static partial Regex OptionName();
}
