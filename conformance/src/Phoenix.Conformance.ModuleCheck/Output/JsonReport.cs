using System.Text.Json;
using System.Text.Json.Nodes;

namespace Phoenix.Conformance.ModuleCheck.Output;

/// <summary>The findings as plain JSON, one entry per module: for scripts that want less than SARIF.</summary>
public static class JsonReport
{
    public static string Write(IReadOnlyList<ModuleCheckResult> results)
    {
        var modules = new JsonArray();
        foreach (var result in results)
        {
            var findings = new JsonArray();
            foreach (var f in result.Findings)
            {
                findings.Add(new JsonObject
                {
                    ["check"] = f.CheckId,
                    ["line"] = f.Line,
                    ["path"] = f.Path,
                    ["message"] = f.Message,
                });
            }
            modules.Add(new JsonObject { ["file"] = result.Module.DisplayPath, ["clean"] = result.Clean, ["findings"] = findings });
        }
        return new JsonObject { ["modules"] = modules }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
