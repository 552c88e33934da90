namespace Phoenix.Mutation.Mutants;

/// <summary>
/// Which clause family a piece of kernel glue serves, for per-family scores: by script, with the functions of
/// kernel.lua that build user processes counted as USER. Documented in conformance/mutation/README.md.
/// </summary>
public static class Families
{
    public static IReadOnlyList<string> All { get; } = ["MOD", "USER", "FS", "DRV"];

    private static readonly Dictionary<string, string> ByScript = new(StringComparer.Ordinal)
    {
        ["kernel.lua"] = "MOD",
        ["kmod.lua"] = "MOD",
        ["usermode.lua"] = "USER",
        ["fs.lua"] = "FS",
        ["fs-dispatch.lua"] = "FS",
        ["tmpfs.lua"] = "FS",
        ["devices.lua"] = "DRV",
    };

    // (script, function name) → family, where a function serves another family than the rest of its script.
    private static readonly Dictionary<(string, string), string> ByFunction = new()
    {
        [("kernel.lua", "kernel.newUserEnv")] = "USER",
        [("kernel.lua", "kernel.newProcess")] = "USER",
    };

    /// <summary>The family of code in <paramref name="script"/> inside the named functions given innermost first.</summary>
    public static string For(string script, IEnumerable<string> enclosingFunctions)
    {
        foreach (var name in enclosingFunctions)
        {
            if (ByFunction.TryGetValue((script, name), out var family)) return family;
        }
        return ByScript.TryGetValue(script, out var byScript)
            ? byScript
            : throw new ArgumentException($"No family is mapped for script {script}; add it to Families.ByScript.", nameof(script));
    }
}
