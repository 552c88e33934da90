using System.Globalization;
using System.Text;
using System.Xml;

namespace Phoenix.Conformance.Reporting.JUnit;

/// <summary>
/// Text as XML 1.0 can carry it. Rule messages quote what kernels answered, and a kernel may answer with any bytes:
/// a NUL in a module name, a lone surrogate, a control character. XML has no escape for those, so writing them
/// throws; each is shown as <c>\u{XXXX}</c> instead (the Markdown and HTML reports keep the text as it is).
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                continue;
            }
            clean ??= new StringBuilder(text, 0, i, text.Length + 8);
            clean.Append("\\u{").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('}');
        }
        return clean?.ToString() ?? text;
    }
}
