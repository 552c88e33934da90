namespace Phoenix.Conformance.Reporting.Results;

/// <summary>The implementation a run certified: the adapter's name (also the output folder) and its kernel version.</summary>
public sealed record AdapterInfo(string Name, string Version);
