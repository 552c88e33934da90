using System.Reflection;
using System.Text;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>
/// The seed a rule's properties use when the run names none: a stable hash (64-bit FNV-1a) of the suite's version
/// and the rule's ID. Every rule has its own seed, the same in every run and on every machine, so a verdict is
/// reproducible; bumping the suite's version (its assembly version, set in the suite's project) draws new cases.
/// </summary>
public static class DefaultSeed
{
    /// <summary>What reports call a run that used these seeds.</summary>
    public const string Name = "default";

    public static ulong For(RuleDescriptor rule) => For(SuiteVersion(rule.Method.DeclaringType!.Assembly), rule.Id);

    public static ulong For(string suiteVersion, string ruleId)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes($"{suiteVersion}|{ruleId}"))
        {
            hash ^= b;
            hash *= prime;
        }
        return hash;
    }

    /// <summary>The version of the assembly that holds the rules, as results.json reports it ("1.0.0").</summary>
    public static string SuiteVersion(Assembly suite) => suite.GetName().Version?.ToString(3) ?? "0.0.0";
}
