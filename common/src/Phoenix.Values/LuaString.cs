using System.Text;

namespace Phoenix.Values;

/// <summary>A Lua string: a sequence of bytes. NUL bytes and invalid UTF-8 are kept exactly.</summary>
public sealed class LuaString : LuaValue
{
    private readonly byte[] _bytes;

    public LuaString(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    public static LuaString From(string text) => new(Encoding.UTF8.GetBytes(text));

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The bytes decoded as UTF-8 (invalid sequences become U+FFFD); use <see cref="Bytes"/> to compare.</summary>
    public string Text => Encoding.UTF8.GetString(_bytes);

    public override string TypeName => "string";

    public override bool Equals(LuaValue? other) => other is LuaString s && s._bytes.AsSpan().SequenceEqual(_bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("\"");
        foreach (var b in _bytes)
        {
            sb.Append(b switch
            {
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                (byte)'\n' => "\\n",
                _ when b < 0x20 || b >= 0x7f => $"\\{b}",
                _ => ((char)b).ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
