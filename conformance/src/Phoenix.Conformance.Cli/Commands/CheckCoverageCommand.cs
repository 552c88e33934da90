using System.CommandLine;
using System.Reflection;
using Phoenix.Conformance.Cli.Coverage;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.ModuleCheck;
using Phoenix.Conformance.Reporting.Coverage;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>check-coverage</c>: the coverage gate. Fails (exit 1) when a catalogue clause has no rule, is not checked on
/// modules by check-module (<see cref="ModuleChecks"/>: the SHOULD clauses) and is not in the suite's pending list, when a pending entry names an unknown clause, when a rule names an unknown clause, or when
/// a rule-shaped method carries no [Clause]. Every gap is printed on its own line so CI shows the whole list.
/// </summary>
public static class CheckCoverageCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("check-coverage", "Fail when a clause of the catalogue has no rule (other than the suite's pending clauses).");
        command.SetAction(_ => Check(context));
        return command;
    }

    private static int Check(CliContext context)
    {
        var output = context.Output;
        IReadOnlyList<RuleDescriptor> rules;
        try
        {
            rules = context.Rules();
        }
        catch (Exception e) when (e is InvalidOperationException or TypeInitializationException)
        {
            output.WriteLine($"FAIL  rule discovery: {(e.InnerException ?? e).Message}");
            return ExitCodes.Unexpected;
        }
        var pending = PendingClauseList.Find(context.RuleAssembly);
        var problems = new List<string>();
        var coverage = ClauseCoverage.Of(rules.Select(r => r.Clause.Id));
        var moduleChecks = ModuleChecks.ClauseIds.ToHashSet(StringComparer.Ordinal);
        foreach (var c in coverage)
        {
            var isPending = pending?.Contains(c.Clause.Id) == true;
            if (c.Rules == 0 && moduleChecks.Contains(c.Clause.Id))
            {
                if (isPending) output.WriteLine($"note     {c.Clause.Id} is checked by check-module but is still listed in {PendingClauseList.TypeName}; remove it there.");
                else output.WriteLine($"module   {c.Clause.Id} ({Level(c.Clause)}): advice to module authors, checked on modules by check-module");
            }
            else if (c.Rules == 0 && !isPending) problems.Add($"MISSING  {c.Clause.Id} ({Level(c.Clause)}): no rule checks \"{c.Clause.Text}\"");
            else if (c.Rules == 0) output.WriteLine($"pending  {c.Clause.Id} ({Level(c.Clause)})");
            else if (isPending) output.WriteLine($"note     {c.Clause.Id} has {c.Rules} rule(s) but is still listed in {PendingClauseList.TypeName}; remove it there.");
        }
        foreach (var id in (pending ?? new HashSet<string>()).Where(id => !ClauseCatalogue.TryGet(id, out _)).Order(StringComparer.Ordinal))
        {
            problems.Add($"UNKNOWN  {PendingClauseList.TypeName} names '{id}', which is not a clause of the catalogue");
        }
        problems.AddRange(Untagged(context.RuleAssembly).Select(m => $"UNTAGGED {m}: takes a RuleContext but has no [Clause]"));
        foreach (var problem in problems) output.WriteLine(problem);
        var covered = coverage.Count(c => c.Rules > 0);
        var byModuleChecks = coverage.Count(c => c.Rules == 0 && moduleChecks.Contains(c.Clause.Id));
        output.WriteLine($"{coverage.Count} clauses: {covered} covered by {rules.Count} rules, {byModuleChecks} by check-module, {coverage.Count(c => c.Rules == 0 && !moduleChecks.Contains(c.Clause.Id) && pending?.Contains(c.Clause.Id) == true)} pending, {problems.Count} problem(s).");
        if (pending is null) output.WriteLine($"(the suite declares no {PendingClauseList.TypeName} list, so every clause without a rule is a gap)");
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Unexpected;
    }

    /// <summary>Public methods shaped like rules (<c>void M(RuleContext)</c>) that discovery would silently skip;
    /// helpers that take a context and return something (boot helpers) are not rules.</summary>
    private static IEnumerable<string> Untagged(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(void) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(RuleContext))
            .Where(m => m.GetCustomAttribute<ClauseAttribute>() is null)
            .Select(m => $"{m.DeclaringType?.FullName}.{m.Name}")
            .Order(StringComparer.Ordinal);

    private static string Level(Clause clause) => clause.Level.ToString().ToUpperInvariant();
}
