using System.Text.Json;
using System.Text.Json.Nodes;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>One observation on which two kernels disagree.</summary>
public sealed record Difference(string Key, string Description, string First, string Second);

/// <summary>The observations of two kernels on one scenario, side by side: every one that differs.</summary>
public static class ScenarioDiff
{
    public static IReadOnlyList<Difference> Compare(IReadOnlyList<Observation> first, IReadOnlyList<Observation> second)
    {
        var keys = first.Select(o => o.Key).Concat(second.Select(o => o.Key)).Distinct(StringComparer.Ordinal);
        var differences = new List<Difference>();
        foreach (var key in keys)
        {
            var a = first.FirstOrDefault(o => o.Key == key);
            var b = second.FirstOrDefault(o => o.Key == key);
            if (a?.Value == b?.Value) continue;
            differences.Add(new Difference(key, (a ?? b)!.Description, a?.Value ?? "(not observed)", b?.Value ?? "(not observed)"));
        }
        return differences;
    }

    public static string ToJson(string firstName, string secondName, string scenario, IReadOnlyList<Difference> differences)
    {
        var list = new JsonArray();
        foreach (var d in differences)
        {
            list.Add(new JsonObject { ["key"] = d.Key, ["description"] = d.Description, [firstName] = d.First, [secondName] = d.Second });
        }
        return new JsonObject { ["scenario"] = scenario, ["kernels"] = new JsonArray(firstName, secondName), ["differences"] = list }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
