namespace Phoenix.Conformance.Harness;

/// <summary>
/// Marks a method as a rule checking one clause (test262's <c>esid</c>). The method is public, takes a
/// <see cref="Running.RuleContext"/>, and talks to the kernel only through it. Level and profiles come from the
/// clause catalogue, not from the rule.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClauseAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}
