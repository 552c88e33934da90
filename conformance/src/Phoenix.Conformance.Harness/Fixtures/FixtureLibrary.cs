using System.Collections.Concurrent;
using System.Reflection;
using Phoenix.Common;

namespace Phoenix.Conformance.Harness.Fixtures;

/// <summary>
/// Fixture files (Lua modules) embedded in a rule assembly from the repository's fixtures/ folder, under resource
/// names "fixtures/&lt;path&gt;". Embedding keeps rules runnable from any working directory.
/// </summary>
public sealed class FixtureLibrary
{
    private static readonly ConcurrentDictionary<Assembly, FixtureLibrary> Cache = new();
    private readonly Assembly _assembly;
    private readonly Dictionary<string, string> _names;

    private FixtureLibrary(Assembly assembly)
    {
        _assembly = assembly;
        _names = assembly.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith("fixtures/", StringComparison.Ordinal))
            .ToDictionary(n => n.Replace('\\', '/')["fixtures/".Length..], n => n, StringComparer.Ordinal);
    }

    public static FixtureLibrary For(Assembly assembly) => Cache.GetOrAdd(assembly, a => new FixtureLibrary(a));

    /// <summary>Paths of every fixture, relative to fixtures/.</summary>
    public IEnumerable<string> Paths => _names.Keys.Order(StringComparer.Ordinal);

    public string Read(string path)
    {
        if (!_names.TryGetValue(path, out var resource))
        {
            throw new FileNotFoundException($"No fixture 'fixtures/{path}' is embedded in {_assembly.GetName().Name}.");
        }
        return EmbeddedResource.Text(_assembly, resource);
    }
}
