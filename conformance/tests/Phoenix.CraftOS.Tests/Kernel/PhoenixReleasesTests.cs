using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Expectations;
using Phoenix.Conformance.Rules;
using Phoenix.Conformance.Suite;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>
/// Boots every Phoenix release when PHOENIX_RELEASES_DIR names a folder holding one checkout per release, each named
/// by its version (0.0.1 … 0.0.9; checkouts of Phoenix-ComputerCraft/kernel at the release commits, README of the
/// CraftOS adapter). Kernel code never enters this repository, so without the variable these tests say they did not
/// run; CI does not set it. Releases before 0.0.5 boot with the trusted option (they call string.dump at boot).
/// </summary>
public class PhoenixReleasesTests
{
    private static IReadOnlyList<(string Version, CraftOsAdapter Adapter)> Releases()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_RELEASES_DIR");
        if (string.IsNullOrEmpty(dir)) Assert.Ignore("Did not run: set PHOENIX_RELEASES_DIR to a folder with one Phoenix kernel checkout per release, named by version (0.0.1 … 0.0.9).");
        var releases = Directory.EnumerateDirectories(dir)
            .Select(d => (Version: Path.GetFileName(d), Dir: d))
            .Where(r => System.Version.TryParse(r.Version, out _) && File.Exists(Path.Combine(r.Dir, "kernel.lua")))
            .OrderBy(r => System.Version.Parse(r.Version))
            .Select(r => (r.Version, new CraftOsAdapter(r.Dir + (NeedsTrusted(r.Version) ? "?trusted" : ""))))
            .ToList();
        if (releases.Count == 0) Assert.Fail($"PHOENIX_RELEASES_DIR={dir} holds no folder named by a version with a kernel.lua in it.");
        return releases;
    }

    /// <summary>0.0.1-0.0.4 call string.dump unguarded while building their key table (30-event.lua).</summary>
    private static bool NeedsTrusted(string version) => System.Version.Parse(version) < new Version(0, 0, 5);

    /// <summary>An empty image, and a syscall through the agent: 0.0.1 cannot load any module (its own loadmodule
    /// bug, reports/expectations/phoenix-0.0.1.yaml), so the image carries none.</summary>
    [Test]
    public void EveryRelease_BootsAndAnswersASyscall()
    {
        var failures = new List<string>();
        foreach (var (version, adapter) in Releases())
        {
            try
            {
                using var kernel = adapter.Boot(BootImage.Empty);
                var result = kernel.Syscall("alice", "combine", "/home", "alice");
                if (!result.Succeeded || !result.Values.SequenceEqual(new LuaValue[] { "/home/alice" })) failures.Add($"{version}: combine gave {result}");
            }
            catch (Exception e)
            {
                failures.Add($"{version}: {e.Message}");
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>Every rule of both profiles, per release, comes out as reports/expectations/phoenix-&lt;version&gt;.yaml
    /// says (a rule it does not list must pass); minutes per release. The files are per release, not per profile: an
    /// entry may describe one profile's outcome (a v2-only method never called) while the rule passes in the other, so
    /// a pass against an entry is a surprise only when the rule passes in every profile it runs in.</summary>
    [Test]
    public void EveryRelease_EveryRule_ComesOutAsItsExpectationsSay()
    {
        var surprises = new List<string>();
        foreach (var (version, adapter) in Releases())
        {
            var file = Path.Combine(RepositoryPaths.Root, "reports", "expectations", $"phoenix-{version}.yaml");
            if (!File.Exists(file))
            {
                surprises.Add($"{version}: no expectations file {file}");
                continue;
            }
            var expectations = ExpectationsYaml.Read(file);
            var passesAgainstAnEntry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var metAnEntry = new HashSet<string>(StringComparer.Ordinal);
            foreach (var profile in new[] { Profile.V1, Profile.V2 })
            {
                foreach (var rule in SuiteAssembly.Rules.Where(r => r.Clause.AppliesTo(profile)))
                {
                    var result = RuleRunner.Run(rule, adapter, new RunSettings { Profile = profile, TimeLimit = TimeSpan.FromSeconds(60) });
                    var expected = expectations.For(rule.Id)?.Outcome ?? RuleOutcome.Pass;
                    if (result.Outcome == expected)
                    {
                        metAnEntry.Add(rule.Id);
                    }
                    else if (result.Outcome == RuleOutcome.Pass)
                    {
                        if (!passesAgainstAnEntry.TryGetValue(rule.Id, out var list)) passesAgainstAnEntry[rule.Id] = list = [];
                        list.Add($"{version} {profile} {rule.Id}: expected {expected}, got Pass in every profile");
                    }
                    else
                    {
                        surprises.Add($"{version} {profile} {rule.Id}: expected {expected}, got {result.Outcome}: {result.Message}");
                    }
                }
            }
            surprises.AddRange(passesAgainstAnEntry.Where(p => !metAnEntry.Contains(p.Key)).Select(p => p.Value[0]));
        }
        Assert.That(surprises, Is.Empty, string.Join("\n", surprises));
    }
}
