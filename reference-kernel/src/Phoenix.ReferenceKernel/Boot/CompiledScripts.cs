// Clauses: none (how the glue scripts are loaded, not what they do)
// Mirrors: no Phoenix part (Phoenix compiles its kernel once, at build time, into kernel.lua)

using System.Collections.Concurrent;
using Phoenix.Lua;

namespace Phoenix.ReferenceKernel.Boot;

/// <summary>
/// The kernel's glue scripts compiled once per process instead of on every boot (compiling them was most of an
/// empty boot). Keyed by source text, so scripts replaced for a broken kernel or a mutant get their own entry; the
/// cache is bounded because mutation runs boot a different script for every mutant.
/// </summary>
internal static class CompiledScripts
{
    private const int MaxEntries = 64;
    private static readonly ConcurrentDictionary<string, CompiledChunk> Cache = new(StringComparer.Ordinal);

    public static CompiledChunk For(string source)
    {
        if (Cache.TryGetValue(source, out var compiled)) return compiled;
        compiled = CompiledChunk.Compile(source, "=kernel");
        if (Cache.Count >= MaxEntries) Cache.Clear();
        Cache[source] = compiled;
        return compiled;
    }
}
