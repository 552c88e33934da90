using System.Text;

namespace Phoenix.CraftOS.Screen;

/// <summary>
/// The computer's terminal: a grid of characters with a cursor, colours kept per cell as CC's blit digits. The host
/// reads it back for failure reports (<see cref="Text"/>). Every byte written is also appended to
/// <see cref="Transcript"/>, which keeps what scrolled away and what was written off-screen.
/// </summary>
public sealed class VirtualScreen
{
    private readonly char[,] _text;
    /// <summary>The transcript keeps at most this many characters: a kernel writing without end must not fill the
    /// host's memory (which the Lua memory limit does not cover).</summary>
    public const int MaxTranscript = 4 * 1024 * 1024;

    private readonly StringBuilder _transcript = new();
    private int _droppedFromTranscript;

    public VirtualScreen(int width = 51, int height = 19)
    {
        Width = width;
        Height = height;
        _text = new char[height, width];
        Clear();
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>1-based, as CC's setCursorPos; may lie outside the screen.</summary>
    public int CursorX { get; set; } = 1;

    public int CursorY { get; set; } = 1;

    public bool CursorBlink { get; set; }

    public int TextColour { get; set; } = 1;

    public int BackgroundColour { get; set; } = 1 << 15;

    /// <summary>What was written, in order (term.write and term.blit text): the last <see cref="MaxTranscript"/>
    /// characters of it.</summary>
    public string Transcript => _transcript.ToString();

    /// <summary>Characters ever written, including those no longer kept; offsets below count from the start.</summary>
    public int TranscriptLength => _droppedFromTranscript + _transcript.Length;

    /// <summary>The text written from absolute offset <paramref name="start"/>, or from the oldest kept character.</summary>
    public string TranscriptFrom(int start)
    {
        var from = Math.Max(0, start - _droppedFromTranscript);
        return from >= _transcript.Length ? "" : _transcript.ToString(from, _transcript.Length - from);
    }

    /// <summary>Writes at the cursor without wrapping, as term.write; the cursor moves past the text.</summary>
    public void Write(string text)
    {
        _transcript.Append(text);
        if (_transcript.Length > MaxTranscript)
        {
            var drop = _transcript.Length - MaxTranscript / 2;
            _transcript.Remove(0, drop);
            _droppedFromTranscript += drop;
        }
        foreach (var c in text)
        {
            if (CursorY >= 1 && CursorY <= Height && CursorX >= 1 && CursorX <= Width)
            {
                // CC draws control characters as glyphs; a plain text dump shows them as '?'.
                _text[CursorY - 1, CursorX - 1] = c < ' ' ? '?' : c;
            }
            CursorX++;
        }
    }

    public void Scroll(int lines)
    {
        var copy = (char[,])_text.Clone();
        for (var y = 0; y < Height; y++)
        {
            var from = y + lines;
            for (var x = 0; x < Width; x++) _text[y, x] = from >= 0 && from < Height ? copy[from, x] : ' ';
        }
    }

    public void Clear()
    {
        for (var y = 0; y < Height; y++) ClearLine(y + 1);
    }

    public void ClearLine(int y)
    {
        if (y < 1 || y > Height) return;
        for (var x = 0; x < Width; x++) _text[y - 1, x] = ' ';
    }

    /// <summary>The screen as lines with trailing spaces trimmed, and trailing empty lines dropped.</summary>
    public string Text()
    {
        var lines = new List<string>();
        for (var y = 0; y < Height; y++)
        {
            var line = new StringBuilder(Width);
            for (var x = 0; x < Width; x++) line.Append(_text[y, x]);
            lines.Add(line.ToString().TrimEnd());
        }
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines);
    }
}
