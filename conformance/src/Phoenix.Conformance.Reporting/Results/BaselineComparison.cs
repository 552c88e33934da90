namespace Phoenix.Conformance.Reporting.Results;

/// <summary>A run's comparison with the <c>--baseline</c> it was given, kept in its results.json and shown in its
/// reports, so whoever reads a report sees that a baseline was used and what regressed against it.</summary>
/// <param name="Path">The baseline file as given.</param>
/// <param name="Regressions">Rule IDs that regressed: pass → not pass, or a changed failure kind.</param>
public sealed record BaselineComparison(string Path, IReadOnlyList<string> Regressions, int NewPasses, int Added, int Removed);
