using System.Reflection;
using Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.Conformance.Harness.Adapters;

/// <summary>
/// Finds adapters by name (<c>--adapter NAME</c>, or <c>PHOENIX_ADAPTER</c> for the NUnit suite) from
/// <see cref="KernelAdapterAttribute"/> on the assemblies whose names end in ".Adapter": those beside the program and
/// those in the extra folders given (<c>--adapter-path</c>, <c>PHOENIX_ADAPTER_PATH</c>), so an adapter built against
/// the Phoenix.Conformance.Abstractions package works with the installed tool. The suite never references a kernel:
/// which one runs is configuration.
/// A name "prefix:argument" (for example <c>craftos:/path/to/kernel</c>) selects the adapter registered as "prefix"
/// and passes the argument to its constructor taking one string, or to one taking the string and the entry point's
/// environment variables (a lookup, so adapters read their settings from what the CLI or the test setup hands them,
/// never from the process); an exact name match wins over that split.
/// </summary>
public static class AdapterRegistry
{
    public const string DefaultAdapter = "reference";

    public const string EnvironmentVariable = "PHOENIX_ADAPTER";

    /// <summary>Folders (separated by the platform's path separator) searched for adapters besides the program's.</summary>
    public const string PathEnvironmentVariable = "PHOENIX_ADAPTER_PATH";

    /// <param name="searchPaths">Extra folders holding <c>*.Adapter.dll</c>; a folder that does not exist is an error.</param>
    public static IReadOnlyDictionary<string, Type> Known(IEnumerable<string>? searchPaths = null)
    {
        var known = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        foreach (var assembly in CandidateAssemblies(searchPaths ?? []))
        {
            foreach (var attribute in assembly.GetCustomAttributes<KernelAdapterAttribute>())
            {
                known[attribute.Name] = attribute.AdapterType;
            }
        }
        return known;
    }

    /// <param name="variables">The entry point's environment variables, for adapters that take settings from them
    /// (exec: reads PHOENIX_EXEC_TIMEOUT); none when null.</param>
    public static IKernelAdapter Create(string name, IEnumerable<string>? searchPaths = null, Func<string, string?>? variables = null)
    {
        var known = Known(searchPaths);
        if (known.TryGetValue(name, out var type)) return (IKernelAdapter)Activator.CreateInstance(type)!;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !known.TryGetValue(name[..colon], out type)) throw new UnknownAdapterException(name, known.Keys);
        var argument = name[(colon + 1)..];
        var withVariables = type.GetConstructor([typeof(string), typeof(Func<string, string?>)]);
        var plain = type.GetConstructor([typeof(string)]);
        if (withVariables is null && plain is null)
        {
            throw new UnknownAdapterException(name, known.Keys, $"Adapter '{name[..colon]}' takes no argument.");
        }
        try
        {
            return (IKernelAdapter)(withVariables is not null
                ? withVariables.Invoke([argument, variables ?? (_ => null)])
                : plain!.Invoke([argument]));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The adapter refused its argument (a missing directory, say): report that, not the reflection wrapper.
            throw new UnknownAdapterException(name, known.Keys, e.InnerException.Message);
        }
    }

    /// <summary>The folders of a PHOENIX_ADAPTER_PATH value (none for null or empty). The variable itself is read by
    /// the entry points (the CLI, the NUnit suite's setup), not here.</summary>
    public static IReadOnlyList<string> SplitPaths(string? value) =>
        (value ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<Assembly> CandidateAssemblies(IEnumerable<string> searchPaths)
    {
        // Hosts such as the test runner may load one assembly twice (in different load contexts): keep the first.
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .GroupBy(a => a.GetName().Name ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var folders = new List<string> { AppContext.BaseDirectory };
        foreach (var path in searchPaths)
        {
            if (!Directory.Exists(path)) throw UnknownAdapterException.MissingFolder(path);
            folders.Add(Path.GetFullPath(path));
        }
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.Adapter.dll")))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (loaded.ContainsKey(name)) continue;
            Assembly? assembly = null;
            try
            {
                assembly = Assembly.LoadFrom(file);
            }
            catch (BadImageFormatException)
            {
                // Not a .NET assembly; not an adapter.
            }
            if (assembly is not null) loaded[name] = assembly;
        }
        return loaded.Values;
    }
}
