using System.Collections;
using System.Reflection;

namespace Phoenix.Conformance.Cli.Coverage;

/// <summary>
/// The clauses the suite declares as not yet covered on purpose: a type named <c>PendingClauses</c> in the rule
/// assembly with a public static member listing clause IDs (strings, clauses, or a map keyed by ID). Our suite's is
/// <c>Phoenix.Conformance.Suite.PendingClauses</c>; it is found by reflection because the rule assembly is the run's
/// (<c>CliContext.RuleAssembly</c>: the suite, or a test's canned rules), and an assembly without one makes every
/// uncovered clause a gap.
/// </summary>
public static class PendingClauseList
{
    public const string TypeName = "PendingClauses";

    /// <summary>The pending clause IDs, or null when the assembly declares no pending list.</summary>
    public static IReadOnlySet<string>? Find(Assembly assembly)
    {
        var type = assembly.GetTypes().FirstOrDefault(t => t.Name == TypeName);
        if (type is null) return null;
        var values = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.GetValue(null))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)))
            .OfType<IEnumerable>()
            .Where(v => v is not string)
            .FirstOrDefault();
        return values is null ? new HashSet<string>() : values.Cast<object>().Select(IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static string? IdOf(object? item) => item switch
    {
        null => null,
        string id => id,
        _ => (item.GetType().GetProperty("Key") ?? item.GetType().GetProperty("Id"))?.GetValue(item) switch
        {
            string id => id,
            { } inner => IdOf(inner),
            null => null,
        },
    };
}
