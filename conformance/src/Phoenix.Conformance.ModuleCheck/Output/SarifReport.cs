using System.Text.Json;
using System.Text.Json.Nodes;

namespace Phoenix.Conformance.ModuleCheck.Output;

/// <summary>
/// The checker's findings as SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, the checks as
/// rules (the clause ID as rule ID, its text as help), one result per finding with the module file as an artifact
/// location relative to <c>baseDirectory</c> and the line as a region when it is known.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json";

    public static string Write(IReadOnlyList<ModuleCheckResult> results, string baseDirectory)
    {
        var rules = new JsonArray();
        foreach (var kind in ModuleChecks.All)
        {
            var rule = new JsonObject
            {
                ["id"] = kind.Id,
                ["name"] = Name(kind.Id),
                ["shortDescription"] = new JsonObject { ["text"] = kind.Title },
                ["fullDescription"] = new JsonObject { ["text"] = kind.Help },
                ["defaultConfiguration"] = new JsonObject { ["level"] = kind.Level },
            };
            if (kind.Clause is { } clause)
            {
                rule["help"] = new JsonObject { ["text"] = clause.Text };
                rule["helpUri"] = clause.Link;
            }
            rules.Add(rule);
        }
        var found = new JsonArray();
        foreach (var finding in results.SelectMany(r => r.Findings))
        {
            var physical = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = Uri(finding.File, baseDirectory), ["uriBaseId"] = "SRCROOT" },
            };
            if (finding.Line is > 0) physical["region"] = new JsonObject { ["startLine"] = finding.Line };
            var result = new JsonObject
            {
                ["ruleId"] = finding.CheckId,
                ["ruleIndex"] = ModuleChecks.All.ToList().FindIndex(k => k.Id == finding.CheckId),
                ["level"] = finding.Kind.Level,
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            };
            if (finding.Path.Length > 0) result["properties"] = new JsonObject { ["kernelPath"] = finding.Path };
            found.Add(result);
        }
        var root = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "phoenix-conformance check-module",
                        ["informationUri"] = "https://phoenix.madefor.cc/docs/kmod",
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["SRCROOT"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(baseDirectory) + Path.DirectorySeparatorChar).AbsoluteUri },
                },
                ["results"] = found,
            }),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // SARIF rule names are PascalCase words ("UnloadReverses"), the ID's last parts joined.
    private static string Name(string id) =>
        string.Concat(id.Split('-').SkipWhile(p => p == "MOD").Select(p => p[..1] + p[1..].ToLowerInvariant()));

    private static string Uri(string file, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, Path.GetFullPath(file)).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(System.Uri.EscapeDataString));
    }
}
