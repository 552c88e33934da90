using System.Reflection;
using Phoenix.Conformance.Rules;

namespace Phoenix.Conformance.Harness.Running;

/// <summary>Finds rules: public methods marked <see cref="ClauseAttribute"/> that take one <see cref="RuleContext"/>.</summary>
public static class RuleDiscovery
{
    public static IReadOnlyList<RuleDescriptor> FromAssembly(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ClauseAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => Describe(x.Method, x.Attribute!))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToArray();

    private static RuleDescriptor Describe(MethodInfo method, ClauseAttribute attribute)
    {
        if (!ClauseCatalogue.TryGet(attribute.Id, out var clause))
        {
            throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} names unknown clause '{attribute.Id}'.");
        }
        var parameters = method.GetParameters();
        if (parameters.Length != 1 || parameters[0].ParameterType != typeof(RuleContext) || method.ReturnType != typeof(void))
        {
            throw new InvalidOperationException($"Rule {method.DeclaringType?.Name}.{method.Name} must be 'void {method.Name}(RuleContext context)'.");
        }
        return new RuleDescriptor(clause, method);
    }
}
