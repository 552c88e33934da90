using System.Globalization;
using System.Text;
using Phoenix.ReferenceKernel;
using Phoenix.Values;

namespace Phoenix.Conformance.ModuleCheck;

/// <summary>Reads checker.lua's report: one finding per line, five tab-separated fields (check, file in the kernel,
/// line, path, message) with tabs, newlines and backslashes escaped.</summary>
internal static class KernelFindings
{
    public static IReadOnlyList<ModuleFinding> Parse(SyscallResult report, ModuleSource module)
    {
        if (!report.Succeeded || report.Values.Count == 0 || report.Values[0] is not LuaString text)
        {
            return [new ModuleFinding("CHECKER", module.DisplayPath, null, "", "the checker could not read its findings: " + report.ErrorFirstLine)];
        }
        var findings = new List<ModuleFinding>();
        foreach (var line in text.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t').Select(Unescape).ToArray();
            if (fields.Length != 5) continue;
            var file = fields[1] == module.KernelPath ? module.DisplayPath : fields[1];
            int? number = int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            findings.Add(new ModuleFinding(fields[0], file, number, fields[3], fields[4]));
        }
        return findings;
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                sb.Append(field[i] switch { 't' => '\t', 'n' => '\n', _ => field[i] });
            }
            else
            {
                sb.Append(field[i]);
            }
        }
        return sb.ToString();
    }
}
