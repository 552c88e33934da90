using Phoenix.ReferenceKernel.Logging;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Acceptance;

/// <summary>"N of M modules load", then a line per module: loads, or the first line of the error boot logged.</summary>
internal static class ModuleReport
{
    public static string Of(ReferenceKernel kernel, IReadOnlyList<string> names)
    {
        var loaded = (kernel.Syscall("root", "listmodules", []).Values is [LuaTable list, ..] ? list.Array : [])
            .OfType<LuaString>().Select(v => v.Text).ToHashSet(StringComparer.Ordinal);
        var lines = names.Select(name => loaded.Contains(name) ? $"{name}: loads" : $"{name}: does not load: {FirstErrorLine(kernel, name)}");
        return $"{names.Count(loaded.Contains)} of {names.Count} modules load on the reference kernel\n" + string.Join("\n", lines);
    }

    private static string FirstErrorLine(ReferenceKernel kernel, string name) =>
        kernel.Syslog.Entries
            .Where(e => e.Level >= SyslogLevel.Error && e.Message.Contains($"/lib/modules/{name}.lua", StringComparison.Ordinal))
            .Select(e => e.Message.Split('\n')[0])
            .FirstOrDefault() ?? "(no error logged)";
}
