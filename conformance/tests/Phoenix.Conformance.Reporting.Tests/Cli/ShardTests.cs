using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Reporting.Json;
using Phoenix.Conformance.Reporting.Results;
using Phoenix.Conformance.Reporting.Tests.Canned;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary><c>run --shard i/n</c> and <c>merge</c>: the parts of a sharded run join into the unsharded run, and
/// anything that is not the complete set of one run's parts is refused before a report is written.</summary>
public sealed class ShardTests
{
    // The canned rules minus the one that hangs until the time limit.
    private const string Selection = "MOD-AUTOLOAD,MOD-API,MOD-UNLOAD,PX-MOD";
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"phoenix-shard-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Folder(string name) => Path.Combine(_dir, name);

    private RunResults Read(string name) => ResultsJson.Read(Path.Combine(Folder(name), ResultsJson.FileName));

    private static object Comparable(RunResults run) => run.Rules.Select(r => (r.Id, r.Outcome, r.Verdict, r.Message, r.Seed)).ToList();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    public void EveryRule_BelongsToExactlyOneShard(int count)
    {
        foreach (var rule in CannedRun.Rules)
        {
            var owners = Enumerable.Range(1, count).Where(i => new RunShard(i, count).Includes(rule.Id)).ToList();
            Assert.That(owners, Has.Count.EqualTo(1), rule.Id);
        }
    }

    [Test]
    public void Assignment_IsFixedByTheRuleIdAlone()
    {
        // Written down once: a change here moves rules between the jobs of every CI matrix that uses --shard.
        Assert.That(RunShard.Of("MOD-API/Callmodule_ReturnsApiResult", 4), Is.EqualTo(RunShard.Of("MOD-API/Callmodule_ReturnsApiResult", 4)));
        Assert.That(Enumerable.Range(0, 400).Select(i => RunShard.Of($"RULE/{i}", 4)).Distinct().Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void ThreeShards_Merged_EqualTheUnshardedRun()
    {
        CliRun.Canned("run", "--filter", Selection, "--output", Folder("full"));
        for (var i = 1; i <= 3; i++) CliRun.Canned("run", "--filter", Selection, "--shard", $"{i}/3", "--output", Folder($"s{i}"));

        var (exit, output, error) = CliRun.Canned("merge", Folder("s1"), Folder("s2"), Folder("s3"), "--output", Folder("merged"));

        Assert.That(error, Is.Empty);
        Assert.That(exit, Is.EqualTo(ExitCodes.Unexpected), "the selection has a failing rule, as the unsharded run does");
        Assert.That(output, Does.Contain("Merged 3 shard(s)"));
        var (full, merged) = (Read("full"), Read("merged"));
        Assert.That(Comparable(merged), Is.EqualTo(Comparable(full)));
        Assert.That(merged.Selection, Is.Not.Null.And.Property(nameof(RunSelection.Shard)).Null);
        Assert.That(merged.Selection!.SameAs(full.Selection), Is.True);
        Assert.That(Read("s1").Selection!.Shard, Is.EqualTo(new RunShard(1, 3)));
    }

    [Test]
    public void RealSuite_TwoShardsMerged_EqualTheUnshardedRun()
    {
        const string filter = "MOD-API,FS-RELATIVE-PATH,DRV-MODEM";
        CliRun.Real("run", "--filter", filter, "--output", Folder("full"));
        CliRun.Real("run", "--filter", filter, "--shard", "1/2", "--output", Folder("s1"));
        CliRun.Real("run", "--filter", filter, "--shard", "2/2", "--output", Folder("s2"));

        var (exit, _, error) = CliRun.Real("merge", Folder("s2"), Folder("s1"), "--output", Folder("merged"));

        Assert.That((exit, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(Comparable(Read("merged")), Is.EqualTo(Comparable(Read("full"))));
        Assert.That(Read("s1").Rules, Is.Not.Empty);
        Assert.That(Read("s2").Rules, Is.Not.Empty);
    }

    [Test]
    public void RealSuite_TwoJobs_GiveTheSerialRunsResults_InItsOrder()
    {
        const string filter = "MOD-API,FS-RELATIVE-PATH,DRV-MODEM,PX-DRV-DEVFIND";
        CliRun.Real("run", "--filter", filter, "--output", Folder("serial"));
        var (exit, _, error) = CliRun.Real("run", "--filter", filter, "--jobs", "2", "--output", Folder("jobs"));

        Assert.That((exit, error), Is.EqualTo((ExitCodes.Success, "")));
        Assert.That(Comparable(Read("jobs")), Is.EqualTo(Comparable(Read("serial"))));
        Assert.That(Read("jobs").Rules.Select(r => r.Id), Is.EqualTo(Read("serial").Rules.Select(r => r.Id)));
    }

    [TestCase("0/2", "numbered from 1")]
    [TestCase("3/2", "between 1 and 2")]
    [TestCase("1/0", "between 1 and 1000")]
    [TestCase("2", "not of the form i/n")]
    [TestCase("a/b", "not of the form i/n")]
    [TestCase("-1/2", "not of the form i/n")]
    public void Run_BadShard_Exits2BeforeAnyRule(string shard, string reason)
    {
        var (exit, output, error) = CliRun.Canned("run", "--shard", shard, "--output", Folder("out"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("--shard: ").And.Contain(reason));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void Merge_MissingShard_Exits2AndNamesIt()
    {
        Shards(3, "a");
        var (exit, _, error) = CliRun.Canned("merge", Folder("a1"), Folder("a3"), "--output", Folder("merged"));
        Assert.That((exit, error.TrimEnd()), Is.EqualTo((ExitCodes.Usage, "shard 2/3 missing: give the results.json of every shard.")));
        Assert.That(Directory.Exists(Folder("merged")), Is.False);
    }

    [Test]
    public void Merge_SameShardTwice_Exits2()
    {
        Shards(2, "a");
        var (exit, _, error) = CliRun.Canned("merge", Folder("a1"), Folder("a1"), Folder("a2"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("are both shard 1/2"));
    }

    [Test]
    public void Merge_ShardsOfDifferentRuns_Exits2()
    {
        Shards(2, "a");
        CliRun.Canned("run", "--filter", Selection, "--shard", "2/2", "--seed", "7", "--output", Folder("b2"));
        var (exit, _, error) = CliRun.Canned("merge", Folder("a1"), Folder("b2"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("is not a shard of the same run").And.Contain("seed default vs 7"));
    }

    [Test]
    public void Merge_AnUnshardedRun_Exits2()
    {
        CliRun.Canned("run", "--filter", Selection, "--output", Folder("full"));
        var (exit, _, error) = CliRun.Canned("merge", Folder("full"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("is not a shard (its run had no --shard)"));
    }

    [Test]
    public void Merge_RuleInTheWrongShard_Exits2()
    {
        Shards(2, "a");
        var path = Path.Combine(Folder("a1"), ResultsJson.FileName);
        var one = ResultsJson.Read(path);
        var stray = ResultsJson.Read(Path.Combine(Folder("a2"), ResultsJson.FileName)).Rules[0];
        File.WriteAllText(path, ResultsJson.Write(one with { Rules = [.. one.Rules, stray] }));
        var (exit, _, error) = CliRun.Canned("merge", Folder("a1"), Folder("a2"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain($"has rule {stray.Id}, which belongs to shard 2/2"));
    }

    private void Shards(int count, string prefix)
    {
        for (var i = 1; i <= count; i++) CliRun.Canned("run", "--filter", Selection, "--shard", $"{i}/{count}", "--output", Folder($"{prefix}{i}"));
    }
}
