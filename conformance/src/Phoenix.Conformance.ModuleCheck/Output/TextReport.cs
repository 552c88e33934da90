namespace Phoenix.Conformance.ModuleCheck.Output;

/// <summary>The findings as compiler-style lines (file:line: check: message), a summary line last.</summary>
public static class TextReport
{
    public static IEnumerable<string> Lines(IReadOnlyList<ModuleCheckResult> results)
    {
        foreach (var result in results)
        {
            foreach (var finding in result.Findings) yield return finding.ToString();
        }
        var notes = results.Sum(r => r.Findings.Count(f => f.Kind.Level == "note"));
        var count = results.Sum(r => r.Findings.Count) - notes;
        var clean = results.Count(r => r.Clean);
        yield return $"{results.Count} module(s) checked: {clean} clean, {count} finding(s){(notes > 0 ? $", {notes} note(s)" : "")}";
    }
}
