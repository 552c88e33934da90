using Phoenix.Conformance.Harness.Properties;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Shrinks device scenarios through their raw choices, biggest cuts first: all steps, the second half of the steps,
/// one step; one side emptied; one network device removed; one boot driver left out; then within a step or a device,
/// fewer types and smaller call arguments. Every candidate is resolved again, so it is a valid scenario.
/// </summary>
internal static class DeviceShrinker
{
    public static IEnumerable<DeviceChoices> Shrink(DeviceChoices c)
    {
        var steps = c.Steps;
        if (steps.Length > 0) yield return c with { Steps = [] };
        if (steps.Length > 1) yield return c with { Steps = steps[..(steps.Length / 2)] };
        for (var i = 0; i < steps.Length; i++) yield return c with { Steps = [.. steps[..i], .. steps[(i + 1)..]] };
        for (var i = 0; i < c.Sides.Length; i++)
        {
            var (kind, network) = c.Sides[i];
            if (kind != 0) yield return c with { Sides = Replace(c.Sides, i, (0, [])) };
            for (var j = 0; kind == 2 && j < network.Length; j++) yield return c with { Sides = Replace(c.Sides, i, (kind, [.. network[..j], .. network[(j + 1)..]])) };
        }
        for (var i = 0; i < c.Boot.Length; i++) yield return c with { Boot = [.. c.Boot[..i], .. c.Boot[(i + 1)..]] };
        for (var i = 0; i < c.Sides.Length; i++)
        {
            var (kind, network) = c.Sides[i];
            for (var j = 0; j < network.Length; j++)
            {
                foreach (var types in FewerTypes(network[j])) yield return c with { Sides = Replace(c.Sides, i, (kind, Replace(network, j, types))) };
            }
        }
        for (var i = 0; i < steps.Length; i++)
        {
            foreach (var types in FewerTypes(steps[i].Types)) yield return c with { Steps = Replace(steps, i, steps[i] with { Types = types }) };
            foreach (var args in LuaValueShrinkers.ShrinkArguments(steps[i].Args)) yield return c with { Steps = Replace(steps, i, steps[i] with { Args = args }) };
        }
    }

    /// <summary>A device keeps at least one type: without one it would not be a device of the scenario.</summary>
    private static IEnumerable<string[]> FewerTypes(string[] types) =>
        types.Length <= 1 ? [] : Enumerable.Range(0, types.Length).Select(i => (string[])[.. types[..i], .. types[(i + 1)..]]);

    private static T[] Replace<T>(T[] items, int index, T item)
    {
        var copy = (T[])items.Clone();
        copy[index] = item;
        return copy;
    }
}
