using Phoenix.ComputerCraft.Paths;

namespace Phoenix.CraftOS.Filesystem;

/// <summary>
/// One open CC file handle. Readers work on a snapshot taken at open; writers keep the whole file in a buffer that
/// reaches the disk on flush and close, as CC's buffered handles do (the file itself exists from the open on).
/// </summary>
public sealed class OpenFile : IDisposable
{
    private readonly MemoryFileSystem _fs;
    private readonly MemoryStream _data;

    private OpenFile(MemoryFileSystem fs, string path, bool binary, bool canRead, bool canWrite, byte[] initial, bool atEnd)
    {
        _fs = fs;
        Path = path;
        Binary = binary;
        CanRead = canRead;
        CanWrite = canWrite;
        _data = new MemoryStream();
        _data.Write(initial);
        _data.Position = atEnd ? _data.Length : 0;
    }

    public string Path { get; }

    public bool Binary { get; }

    public bool CanRead { get; }

    public bool CanWrite { get; }

    public bool Closed { get; private set; }

    public long Position => _data.Position;

    /// <summary>Opens <paramref name="path"/> in a CC mode (r, w, a, each optionally + and/or b).</summary>
    public static OpenFile Open(MemoryFileSystem fs, string path, string mode)
    {
        var clean = CcPath.Sanitize(path);
        var kind = mode.Length > 0 ? mode[0] : ' ';
        var plus = mode.Contains('+', StringComparison.Ordinal);
        var binary = mode.Contains('b', StringComparison.Ordinal);
        if (kind is not ('r' or 'w' or 'a') || mode.Replace("+", "", StringComparison.Ordinal).Replace("b", "", StringComparison.Ordinal).Length != 1)
        {
            throw new ArgumentException($"Unsupported mode '{mode}'");
        }
        if (kind == 'r')
        {
            if (!fs.Exists(clean) || fs.IsDirectory(clean)) throw new FsException($"/{clean}: No such file");
            return new OpenFile(fs, clean, binary, true, plus, fs.Stat(clean).Content!, atEnd: false);
        }
        if (fs.IsDirectory(clean)) throw new FsException($"/{clean}: Cannot write to directory");
        var existing = kind == 'a' && fs.Exists(clean) ? fs.Stat(clean).Content! : [];
        fs.WriteFile(clean, existing);
        return new OpenFile(fs, clean, binary, plus, true, existing, atEnd: true);
    }

    public byte[] ReadAll()
    {
        var rest = new byte[_data.Length - _data.Position];
        _ = _data.Read(rest);
        return rest;
    }

    /// <summary>Up to <paramref name="count"/> bytes; empty at the end of the file.</summary>
    public byte[] Read(int count)
    {
        var buffer = new byte[Math.Max(0, Math.Min(count, _data.Length - _data.Position))];
        _ = _data.Read(buffer);
        return buffer;
    }

    /// <summary>The next line, without (or with) its "\n"; null at the end of the file.</summary>
    public byte[]? ReadLine(bool withTrailing)
    {
        if (_data.Position >= _data.Length) return null;
        var line = new List<byte>();
        int b;
        while ((b = _data.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                if (withTrailing) line.Add((byte)b);
                break;
            }
            line.Add((byte)b);
        }
        if (!withTrailing && line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
        return line.ToArray();
    }

    public void Write(byte[] bytes)
    {
        _fs.EnsureSpace(Math.Max(0, _data.Position + bytes.Length - _data.Length), Path);
        _data.Write(bytes);
    }

    /// <summary>Moves the position; returns it, or null when it would be negative (CC answers nil, message).</summary>
    public long? Seek(string whence, long offset)
    {
        var origin = whence switch
        {
            "set" => 0,
            "cur" => _data.Position,
            "end" => _data.Length,
            _ => throw new ArgumentException($"bad argument #1 (invalid option '{whence}')"),
        };
        if (origin + offset < 0) return null;
        _data.Position = origin + offset;
        return _data.Position;
    }

    public void Flush()
    {
        if (CanWrite && !Closed) _fs.WriteFile(Path, _data.ToArray());
    }

    public void Close()
    {
        try
        {
            Flush();
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        Closed = true;
        _data.Dispose();
    }
}
