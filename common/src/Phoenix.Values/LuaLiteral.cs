using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Phoenix.Values;

/// <summary>
/// Writes plain data as Lua source that reads back exactly: bytes stay bytes, integers stay integers, floats stay
/// floats, bit for bit (NaN with its sign and payload, infinities and -0.0 included). The text is printable ASCII on
/// one line, with no '@', so a request typed on a kernel's console can neither break the line nor look like an
/// answer frame.
/// </summary>
public static class LuaLiteral
{
    public static string Write(LuaValue value)
    {
        var text = new StringBuilder();
        Append(value, text);
        return text.ToString();
    }

    private static void Append(LuaValue value, StringBuilder text)
    {
        switch (value)
        {
            case LuaNil: text.Append("nil"); break;
            case LuaBoolean b: text.Append(b.Value ? "true" : "false"); break;
            case LuaInteger { Value: long.MinValue }: text.Append("(-9223372036854775807-1)"); break;
            case LuaInteger i: text.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case LuaFloat f: AppendFloat(f, text); break;
            case LuaString s: AppendString(s.Bytes, text); break;
            case LuaTable t:
                text.Append('{');
                for (var i = 0; i < t.Array.Count; i++) AppendField(i + 1L, t.Array[i], text);
                foreach (var (key, item) in t.Hash) AppendField(key, item, text);
                text.Append('}');
                break;
            default: throw new ArgumentException($"{value} cannot be sent to a kernel as data.", nameof(value));
        }
    }

    private static void AppendField(LuaValue key, LuaValue item, StringBuilder text)
    {
        text.Append('[');
        Append(key, text);
        text.Append("]=");
        Append(item, text);
        text.Append(',');
    }

    private static void AppendFloat(LuaFloat value, StringBuilder text)
    {
        // 0/0 would give whatever NaN the kernel's CPU makes: the agent reads a NaN back from its eight bytes.
        if (double.IsNaN(value.Value))
        {
            text.Append("(string.unpack(\"<d\",");
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value.Bits);
            AppendString(bytes, text);
            text.Append("))");
        }
        else if (double.IsPositiveInfinity(value.Value)) text.Append("(1/0)");
        else if (double.IsNegativeInfinity(value.Value)) text.Append("(-1/0)");
        // A finite float's text reads back as the same float, -0.0 and integral values (3.0, not 3) included.
        else text.Append('(').Append(value).Append(')');
    }

    private static void AppendString(ReadOnlySpan<byte> bytes, StringBuilder text)
    {
        text.Append('"');
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7f && b != '"' && b != '\\' && b != '@') text.Append((char)b);
            else text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
        }
        text.Append('"');
    }
}
