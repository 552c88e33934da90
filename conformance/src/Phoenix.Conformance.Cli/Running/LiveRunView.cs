using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Reporting.Results;
using Spectre.Console;

namespace Phoenix.Conformance.Cli.Running;

/// <summary>On a terminal: a live family table that fills in as rules finish, with the rule running in its caption.</summary>
public sealed class LiveRunView(IAnsiConsole console) : IRunView
{
    public IReadOnlyList<RuleRecord> Run(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, RuleRecord> runOne)
    {
        var records = new List<RuleRecord>();
        var table = Build(records, $"0/{rules.Count}");
        console.Live(table).AutoClear(false).Start(live =>
        {
            foreach (var rule in rules)
            {
                live.UpdateTarget(Build(records, $"{records.Count}/{rules.Count} running {Markup.Escape(rule.Id)}"));
                live.Refresh();
                records.Add(runOne(rule));
            }
            live.UpdateTarget(Build(records, $"{records.Count}/{rules.Count} done"));
            live.Refresh();
        });
        foreach (var r in records.Where(r => r.Verdict is Verdict.UnexpectedFailure or Verdict.UnexpectedPass))
        {
            console.MarkupLine($"[red]{Markup.Escape(r.Label)}[/] {Markup.Escape(r.Id)}: {Markup.Escape(r.Message ?? "")}");
        }
        return records;
    }

    private static Table Build(IEnumerable<RuleRecord> records, string caption)
    {
        var table = new Table().Border(TableBorder.Rounded).Caption(caption);
        foreach (var header in FamilyTable.Headers) table.AddColumn(new TableColumn(header).RightAligned());
        table.Columns[0].LeftAligned();
        foreach (var row in FamilyTable.Rows(records)) table.AddRow(row.Select(Markup.Escape).ToArray());
        return table;
    }
}
