using Phoenix.Conformance.Cli;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>Bad usage exits 2 with exactly one line on stderr, before any rule runs.</summary>
public sealed class UsageErrorTests
{
    private static void AssertUsage((int Exit, string Out, string Err) result, string fragment)
    {
        Assert.That(result.Exit, Is.EqualTo(ExitCodes.Usage), result.Err);
        var lines = result.Err.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), result.Err);
        Assert.That(lines[0], Does.Contain(fragment));
    }

    [Test]
    public void Run_UnknownAdapter_Exits2WithOneLine() =>
        AssertUsage(CliRun.Canned("run", "--adapter", "nonesuch"), "Unknown adapter 'nonesuch'");

    [Test]
    public void Run_UnknownClauseInFilter_Exits2WithOneLine() =>
        AssertUsage(CliRun.Canned("run", "--filter", "MOD-AUTOLOAD,NOPE-CLAUSE"), "Unknown clause 'NOPE-CLAUSE'");

    [Test]
    public void Run_SeedThatIsNeitherANumberNorRandom_Exits2WithOneLine() =>
        AssertUsage(CliRun.Canned("run", "--seed", "banana"), "Unknown seed 'banana'");

    [Test]
    public void Run_UnreadableExpectations_Exits2WithOneLine() =>
        AssertUsage(CliRun.Canned("run", "--expectations", "/nonexistent/expectations.yaml"), "Cannot read expectations file");

    [Test]
    public void Run_InvalidExpectations_Exits2WithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "MOD-API/X:\n  outcome: sometimes\n");
        try
        {
            AssertUsage(CliRun.Canned("run", "--expectations", path), "outcome 'sometimes'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Each row is one kind of malformed command line.
    [TestCase("run --profile v3", "Unknown profile")] // a profile the page never had
    [TestCase("run --level MAYBE", "Unknown level")] // not a clauses.md level
    [TestCase("run --time-limit soon", "--time-limit: 'soon' is not a number of seconds")] // not a number, said without CLR type names
    [TestCase("run --expectations /tmp", "it is a folder, not a file")] // the OS would say "access denied"
    [TestCase("diff /tmp /tmp", "it is a folder, not a file")]
    [TestCase("merge /nonexistent/results.json", "Cannot read results file")]
    [TestCase("run --shard 3/2", "--shard: ")]
    [TestCase("run --time-limit 0", "--time-limit")] // a zero limit would time out everything
    [TestCase("run --bogus", "--bogus")] // unknown option
    [TestCase("frobnicate", "frobnicate")] // unknown command
    [TestCase("run --baseline /nonexistent/results.json", "Cannot read results file")] // unreadable baseline
    [TestCase("run --adapter-path /nonexistent/adapters", "Adapter folder '/nonexistent/adapters'")] // no such folder
    [TestCase("run --time-limit NaN", "--time-limit must be")] // not a number of seconds
    [TestCase("run --jobs 0", "--jobs: '0' is not a number of rules from 1 to 64")] // no rule would ever run
    [TestCase("run --jobs many", "--jobs: 'many'")]
    [TestCase("run --time-limit 1e308", "--time-limit must be")] // beyond any run
    [TestCase("run --output /proc/conformance-out", "--output: cannot write in")] // a folder that cannot be made
    [TestCase("run --update-expectations --expectations /proc/x.yaml", "--update-expectations: cannot write in")] // nowhere to write the file
    public void Run_BadOption_Exits2WithOneLine(string commandLine, string fragment) =>
        AssertUsage(CliRun.Canned(commandLine.Split(' ')), fragment);

    [Test]
    public void Diff_MissingFile_Exits2WithOneLine() =>
        AssertUsage(CliRun.Canned("diff", "/nonexistent/a.json", "/nonexistent/b.json"), "Cannot read results file");

    [Test]
    public void Run_OutputThatIsAFile_Exits2BeforeAnyRuleRuns()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = CliRun.Canned("run", "--output", file);
            AssertUsage(result, "is a file, not a folder");
            Assert.That(result.Out, Does.Not.Contain("PASS"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
