using System.Text;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Module names for the module-table properties: names that differ only in case (ASCII and not), unicode, punctuation;
/// and the near misses a kernel must not confuse with a loaded name: other cases, a NUL byte or a space appended, the
/// file name with its extension.
/// </summary>
public static class ModuleNames
{
    /// <summary>Base names of module files. "witness" is taken by the witness module.</summary>
    public static readonly string[] Bases = ["echo", "Echo", "ECHO", "mod", "MOD", "\u00e9t\u00e9", "\u00c9T\u00c9", "x-y_z", "\u65e5\u672c"];

    /// <summary>A file name for <paramref name="name"/>: plain "name.lua", or (with dots, Phoenix's naming) several
    /// extensions, a leading dot or none.</summary>
    public static string FileName(string name, int style, bool dotted) => !dotted ? name + ".lua" : (style % 4) switch
    {
        0 => name + ".lua",
        1 => name + ".part.lua",
        2 => "." + name + ".lua",
        _ => name,
    };

    /// <summary>The name itself most of the time, else a near miss of it.</summary>
    public static string Variant(string name, int choice) => (choice % 12) switch
    {
        < 4 => name,
        4 => name.ToUpperInvariant(),
        5 => name.ToLowerInvariant(),
        6 => SwapCase(name),
        7 => name + "\0",
        8 => name + "\0x",
        9 => name + ".lua",
        10 => name + " ",
        _ => name.Length > 1 ? name[..^1] : name + name,
    };

    private static string SwapCase(string name)
    {
        var swapped = new StringBuilder(name.Length);
        foreach (var c in name) swapped.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
        return swapped.ToString();
    }
}
