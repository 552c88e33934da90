// Clauses: none (how the glue scripts are loaded, not what they do)
// Mirrors: no Phoenix part (Phoenix compiles its kernel once, at build time, into kernel.lua)

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    // The same script text is nearly always the same string instance (a static resource): looked up by reference
    // first, since hashing and comparing ~100 KB of text by content on every boot was a visible part of a boot.
    private static readonly ConditionalWeakTable<string, CompiledChunk> ByInstance = new();

    public static CompiledChunk For(string source)
    {
        if (ByInstance.TryGetValue(source, out var compiled)) return compiled;
        if (!Cache.TryGetValue(source, out compiled))
        {
            compiled = CompiledChunk.Compile(source, "=kernel");
            if (Cache.Count >= MaxEntries) Cache.Clear();
            Cache[source] = compiled;
        }
        ByInstance.AddOrUpdate(source, compiled);
        return compiled;
    }
}
