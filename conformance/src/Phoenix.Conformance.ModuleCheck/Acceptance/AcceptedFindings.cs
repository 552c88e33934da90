using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Conformance.ModuleCheck.Acceptance;

/// <summary>One accepted finding: the check, the module's file name, optionally the kernel path or line it is at,
/// and why it is acceptable (required: an acceptance without a reason is a finding silenced, not accepted).</summary>
public sealed record AcceptedFinding(string Check, string Module, string? Path, int? Line, string Reason)
{
    public bool Matches(ModuleFinding finding) =>
        finding.CheckId == Check
        && System.IO.Path.GetFileName(finding.File) == Module
        && (Path is null || finding.Path == Path)
        && (Line is null || finding.Line == Line);
}

/// <summary>
/// Findings a module author has looked at and accepts, from a YAML file (<c>check-module --accept FILE</c>): a list
/// under <c>accepted:</c> of <c>check</c>, <c>module</c>, optional <c>path</c> or <c>line</c>, and <c>reason</c>.
/// An entry that matches nothing is reported, so acceptances do not outlive the findings they were written for.
/// </summary>
public sealed class AcceptedFindings(IReadOnlyList<AcceptedFinding> entries)
{
    public static readonly AcceptedFindings None = new([]);

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public IReadOnlyList<AcceptedFinding> Entries { get; } = entries;

    /// <summary>Reads the file; throws <see cref="AcceptanceException"/> with a one-line reason.</summary>
    public static AcceptedFindings Read(string file)
    {
        if (!File.Exists(file)) throw new AcceptanceException($"Cannot read accepted findings '{file}': no such file.");
        Document? document;
        try
        {
            document = Reader.Deserialize<Document?>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new AcceptanceException($"Invalid accepted findings '{file}' at line {e.Start.Line}: {reason}");
        }
        var list = new List<AcceptedFinding>();
        foreach (var (entry, index) in (document?.Accepted ?? []).Select((e, i) => (e, i + 1)))
        {
            string Where() => $"'{file}', entry {index}";
            if (string.IsNullOrWhiteSpace(entry.Check) || !ModuleChecks.All.Any(k => k.Id == entry.Check))
            {
                throw new AcceptanceException($"Invalid accepted findings {Where()}: check '{entry.Check}' is not one of {string.Join(", ", ModuleChecks.All.Select(k => k.Id))}.");
            }
            if (string.IsNullOrWhiteSpace(entry.Module)) throw new AcceptanceException($"Invalid accepted findings {Where()}: no module (its file name).");
            if (string.IsNullOrWhiteSpace(entry.Reason)) throw new AcceptanceException($"Invalid accepted findings {Where()}: no reason.");
            list.Add(new AcceptedFinding(entry.Check, entry.Module, entry.Path, entry.Line, entry.Reason));
        }
        return new AcceptedFindings(list);
    }

    /// <summary>The results without the accepted findings, the accepted ones with their reasons, and the entries
    /// that matched no finding.</summary>
    public (IReadOnlyList<ModuleCheckResult> Results, IReadOnlyList<(ModuleFinding Finding, AcceptedFinding By)> Accepted, IReadOnlyList<AcceptedFinding> Unused) Apply(IReadOnlyList<ModuleCheckResult> results)
    {
        var accepted = new List<(ModuleFinding, AcceptedFinding)>();
        var used = new HashSet<AcceptedFinding>();
        var kept = results.Select(r => r with
        {
            Findings = [.. r.Findings.Where(f =>
            {
                var by = Entries.FirstOrDefault(e => e.Matches(f));
                if (by is null) return true;
                accepted.Add((f, by));
                used.Add(by);
                return false;
            })],
        }).ToList();
        return (kept, accepted, [.. Entries.Where(e => !used.Contains(e))]);
    }

    private sealed class Document
    {
        public List<Entry>? Accepted { get; set; }
    }

    private sealed class Entry
    {
        public string? Check { get; set; }
        public string? Module { get; set; }
        public string? Path { get; set; }
        public int? Line { get; set; }
        public string? Reason { get; set; }
    }
}

/// <summary>An accepted-findings file that cannot be used; the CLI prints the message and exits 2.</summary>
public sealed class AcceptanceException(string message) : Exception(message);
