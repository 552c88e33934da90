using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Phoenix.Conformance.Abstractions.Kernel;

namespace Phoenix.CraftOS.Adapter;

/// <summary>
/// Reads a kernel's syslog file back as entries. Two formats keep their level and module:
/// <list type="bullet">
/// <item>Phoenix's: "[&lt;date&gt;][ &lt;category&gt;] &lt;process&gt;[&lt;pid&gt;[:&lt;tid&gt;]][ (&lt;module&gt;)] [&lt;Level&gt;]: &lt;message&gt;"
/// (20-syslog), where the lines that follow and do not start a new entry continue the message (tracebacks);</item>
/// <item>Tiny's: "&lt;level&gt;\t&lt;module or -&gt;\t&lt;message&gt;", with "\\" and "\n" escaped.</item>
/// </list>
/// Any other line is kept whole at info level, so a kernel with another log format still shows its log in reports.
/// </summary>
public static partial class SyslogFile
{
    private static readonly string[] Levels = ["Debug", "Info", "Notice", "Warning", "Error", "Critical", "Panic"];

    public static IReadOnlyList<SyslogEntry> Parse(string text)
    {
        var entries = new List<SyslogEntry>();
        var continuable = false;
        foreach (var line in text.Split('\n'))
        {
            if (Phoenix().Match(line) is { Success: true } phoenix)
            {
                var level = (SyslogLevel)Array.IndexOf(Levels, phoenix.Groups["level"].Value);
                var module = phoenix.Groups["module"].Success ? phoenix.Groups["module"].Value : null;
                var category = phoenix.Groups["category"].Success ? phoenix.Groups["category"].Value : null;
                entries.Add(new SyslogEntry(level, phoenix.Groups["message"].Value, module, category));
                continuable = true;
            }
            else if (line.Split('\t', 3) is [var number, var module, var message]
                && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 6)
            {
                entries.Add(new SyslogEntry((SyslogLevel)level, Unescape(message), module == "-" ? null : module));
                continuable = false;
            }
            else if (continuable && entries.Count > 0)
            {
                var last = entries[^1];
                entries[^1] = last with { Message = last.Message + "\n" + line };
            }
            else if (line.Length > 0)
            {
                entries.Add(new SyslogEntry(SyslogLevel.Info, line));
            }
        }
        // The file ends with a newline, which the last Phoenix entry must not keep.
        if (continuable && entries.Count > 0 && entries[^1].Message.EndsWith('\n'))
        {
            entries[^1] = entries[^1] with { Message = entries[^1].Message.TrimEnd('\n') };
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

    [GeneratedRegex(@"^\[[^\]]*\](?: <(?<category>[^>]*)>)? .*?\[-?[0-9]+(?::[0-9]+)?\](?: \((?<module>[^)]*)\))? \[(?<level>Debug|Info|Notice|Warning|Error|Critical|Panic)\]: (?<message>.*)$")]
    private static partial Regex Phoenix();
}
