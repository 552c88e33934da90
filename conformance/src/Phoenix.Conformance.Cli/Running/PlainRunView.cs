using System.Globalization;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>One line per rule and the family table at the end: readable in CI logs and when output is redirected.</summary>
public sealed class PlainRunView(TextWriter output) : IRunView
{
    public IReadOnlyList<RuleRecord> Run(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, RuleRecord> runOne)
    {
        var records = new List<RuleRecord>();
        var width = rules.Count.ToString(CultureInfo.InvariantCulture).Length;
        foreach (var rule in rules)
        {
            var record = runOne(rule);
            records.Add(record);
            var index = records.Count.ToString(CultureInfo.InvariantCulture).PadLeft(width);
            var message = record.Message is null || record.Outcome == RuleOutcome.Pass ? "" : $": {record.Message}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{index}/{rules.Count}] {record.Label.ToUpperInvariant()} {record.Id} ({record.DurationMs:0} ms){message}"));
        }
        output.WriteLine();
        output.Write(FamilyTable.ToText(records));
        return records;
    }
}
