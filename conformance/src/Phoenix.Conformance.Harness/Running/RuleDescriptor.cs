using System.Reflection;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>One discovered rule: its clause, and the method that checks it.</summary>
public sealed record RuleDescriptor(Clause Clause, MethodInfo Method)
{
    /// <summary>Stable rule ID: "CLAUSE-ID/MethodName", for reports and expectations files.</summary>
    public string Id => $"{Clause.Id}/{Method.Name}";

    public string Name => Method.Name;

    public override string ToString() => Id;
}
