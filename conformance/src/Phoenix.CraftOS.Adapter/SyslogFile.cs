using System.Globalization;
using System.Text;
using Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Reads a kernel's syslog file back as entries. Lines in the form "&lt;level&gt;\t&lt;module or -&gt;\t&lt;message&gt;" (the Tiny
/// kernel's format, with "\\" and "\n" escaped) keep their level and module; any other line is kept whole at info
/// level, so a kernel with another log format still shows its log in reports.
/// </summary>
public static class SyslogFile
{
    public static IReadOnlyList<SyslogEntry> Parse(string text)
    {
        var entries = new List<SyslogEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 3);
            if (fields.Length == 3 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 6)
            {
                entries.Add(new SyslogEntry((SyslogLevel)level, Unescape(fields[2]), fields[1] == "-" ? null : fields[1]));
            }
            else
            {
                entries.Add(new SyslogEntry(SyslogLevel.Info, line));
            }
        }
        return entries;
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }
}
