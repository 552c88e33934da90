using System.Text.Json.Nodes;
using NJsonSchema;
using Phoenix.Conformance.ModuleCheck.Output;

namespace Phoenix.Conformance.ModuleCheck.Tests;

/// <summary>
/// SARIF output. The OASIS SARIF 2.1.0 schema is not ours to ship, so validation against it reads the schema file
/// named by SARIF_SCHEMA (from github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/sarif-schema-2.1.0.json) and says
/// it did not run without it; the properties a SARIF consumer needs are checked always.
/// </summary>
public class SarifTests
{
    private static readonly string Modules = Path.Combine(AppContext.BaseDirectory, "Modules");

    private static IReadOnlyList<ModuleCheckResult> Results() =>
        ModuleChecker.CheckAll(Directory.GetFiles(Modules, "*.lua").Order(StringComparer.Ordinal).Select(ModuleSource.FromFile));

    [Test]
    public async Task Sarif_ValidatesAgainstTheSarif210Schema()
    {
        var schemaFile = Environment.GetEnvironmentVariable("SARIF_SCHEMA");
        if (string.IsNullOrEmpty(schemaFile))
        {
            Assert.Ignore("Did not run: set SARIF_SCHEMA to the OASIS sarif-schema-2.1.0.json (github.com/oasis-tcs/sarif-spec, sarif-2.1/schema/).");
        }
        // The OASIS schema is draft-04, which NJsonSchema reads.
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaFile));
        var errors = schema.Validate(SarifReport.Write(Results(), Modules));
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
        // The validator is awake: a log with a wrong version and a result without a message is refused.
        Assert.That(schema.Validate("""{"version":"2.0.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"r"}]}]}"""), Is.Not.Empty);
    }

    [Test]
    public void Sarif_HasOneResultPerFinding_WithRuleLocationAndLine()
    {
        var results = Results();
        var sarif = JsonNode.Parse(SarifReport.Write(results, Modules))!;
        var run = sarif["runs"]![0]!;
        var found = run["results"]!.AsArray();
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That((string?)sarif["version"], Is.EqualTo("2.1.0"));
            Assert.That(rules, Is.EquivalentTo(ModuleChecks.All.Select(k => k.Id)));
            Assert.That(found, Has.Count.EqualTo(results.Sum(r => r.Findings.Count)));
            foreach (var r in found)
            {
                var id = (string)r!["ruleId"]!;
                Assert.That(rules[(int)r["ruleIndex"]!], Is.EqualTo(id));
                Assert.That((string?)r["message"]!["text"], Is.Not.Empty);
                var uri = (string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!;
                Assert.That(uri, Does.EndWith(".lua").And.Not.StartWith("/"));
            }
        });
        var direct = found.Single(r => (string)r!["ruleId"]! == "MOD-USER-CALLBACK-USE" && ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).Contains("direct_driver", StringComparison.Ordinal))!;
        Assert.That((int)direct["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!, Is.EqualTo(9));
    }

    [Test]
    public void Json_ListsEveryModule_CleanOrNot()
    {
        var results = Results();
        var json = JsonNode.Parse(JsonReport.Write(results))!["modules"]!.AsArray();
        Assert.That(json.Select(m => ((string)m!["file"]!, (bool)m["clean"]!)),
            Is.EqualTo(results.Select(r => (r.Module.DisplayPath, r.Clean))));
    }
}
