using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Phoenix.Conformance.Reporting.Compare;

/// <summary>What generated scenarios are made of: the scenario's modules, the module functions to call (as
/// <c>module.function</c>) and the users who act. Read from a scenario's <c>generate:</c> section.</summary>
public sealed record GenerationSpace(IReadOnlyList<string> Modules, IReadOnlyList<string> Calls, IReadOnlyList<string> Users);

/// <summary>
/// FsCheck generators of scenario steps over given modules: root or an ordinary user loads, unloads and lists
/// modules, calls module functions with generated arguments, changes every string field of a table a call returned
/// (the user's copy, or the kernel's own data if the kernel handed it out), and asks who it is. Each step is a user
/// program whose result is plain and order-free, so two correct kernels print the same.
/// </summary>
public static class GeneratedOperations
{
    /// <summary>Argument literals: each Lua type a module sees from a user, nil holes included.</summary>
    private static readonly string[] Arguments = ["1", "-2.5", "\"text\"", "\"\"", "nil", "true", "false", "{1, \"a\"}", "{k = \"v\", n = 3}"];

    public static Gen<ScenarioStep> Step(GenerationSpace space)
    {
        var user = Gen.Elements(space.Users.ToArray());
        var module = Gen.Elements(space.Modules.ToArray());
        var arguments = Gen.ListOf(Gen.Elements(Arguments)).Select(list => list.Take(3).ToArray());
        var steps = new List<Gen<ScenarioStep>>
        {
            user.Select(u => new ScenarioStep(u, "local t = syscall.listmodules() table.sort(t) return table.concat(t, \",\")")),
            // One value: how many a kernel returns from getuser is not what this step asks (Phoenix adds a nil).
            user.Select(u => new ScenarioStep(u, "return (syscall.getuser())")),
            user.SelectMany(u => module.Select(m => new ScenarioStep(u, $"return syscall.loadmodule(\"/lib/modules/{m}.lua\")"))),
            user.SelectMany(u => module.Select(m => new ScenarioStep(u, $"return syscall.unloadmodule(\"{m}\")"))),
        };
        if (space.Calls.Count > 0)
        {
            var call = Gen.Elements(space.Calls.ToArray());
            steps.Add(user.SelectMany(u => call.SelectMany(c => arguments.Select(a => new ScenarioStep(u, $"return {Call(c, a)}")))));
            steps.Add(user.SelectMany(u => call.SelectMany(c => arguments.Select(a => new ScenarioStep(u,
                $"local r = {Call(c, a)} if type(r) == \"table\" then for k, v in pairs(r) do if type(v) == \"string\" then r[k] = \"root\" end end end return type(r)")))));
        }
        return Gen.OneOf(steps);
    }

    /// <summary>A scenario of 1 to <paramref name="maxSteps"/> steps; shrinking drops steps (FsCheck's list shrinker).</summary>
    public static Arbitrary<ScenarioStep[]> Scenarios(GenerationSpace space, int maxSteps) =>
        Arb.From(
            Gen.Choose(1, maxSteps).SelectMany(n => Step(space).ArrayOf(n)),
            steps => Shrink(steps));

    // Drops one step at a time (then halves), which is what a reader needs: the fewest steps that still differ.
    private static IEnumerable<ScenarioStep[]> Shrink(ScenarioStep[] steps)
    {
        if (steps.Length > 2) yield return steps[..(steps.Length / 2)];
        if (steps.Length > 2) yield return steps[(steps.Length / 2)..];
        for (var i = 0; i < steps.Length && steps.Length > 1; i++) yield return [.. steps[..i], .. steps[(i + 1)..]];
    }

    private static string Call(string moduleFunction, string[] arguments)
    {
        var dot = moduleFunction.IndexOf('.', StringComparison.Ordinal);
        var (module, function) = (moduleFunction[..dot], moduleFunction[(dot + 1)..]);
        var rest = string.Concat(arguments.Select(a => ", " + a));
        return string.Create(CultureInfo.InvariantCulture, $"syscall.callmodule(\"{module}\", \"{function}\"{rest})");
    }
}
