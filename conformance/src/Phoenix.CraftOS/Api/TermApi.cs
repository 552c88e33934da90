using Phoenix.Values;
using Phoenix.CraftOS.Screen;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>The native terminal over <see cref="VirtualScreen"/>: CC's term object (advanced, colour).</summary>
public sealed class TermApi(VirtualScreen screen, bool echoToConsole)
{
    private readonly Dictionary<long, (double R, double G, double B)> _palette = DefaultPalette();

    public void Register(NativeTable native)
    {
        native.Add("term_write", a =>
        {
            var text = a[1] switch
            {
                LuaString s => s.Text,
                LuaNil => throw Arg.Raise("bad argument #1 (expected string, got nil)"),
                var v => v is LuaInteger or LuaFloat or LuaBoolean ? v.ToString() : throw Arg.Raise($"bad argument #1 (expected string, got {a.TypeOf(1)})"),
            };
            screen.Write(text);
            if (echoToConsole) Console.Out.Write(text);
            return NativeTable.None;
        });
        native.Add("term_blit", a =>
        {
            var text = Arg.Str(a, 1);
            // CC compares lengths in bytes: a cell per byte. Decoded UTF-8 is shorter than its bytes, so comparing
            // strings would refuse a blit of "été" with six colour bytes (Phoenix's terminals redraw that way).
            var length = Arg.Bytes(a, 1).Length;
            if (Arg.Bytes(a, 2).Length != length || Arg.Bytes(a, 3).Length != length) throw Arg.Raise("Arguments must be the same length");
            screen.Write(text);
            return NativeTable.None;
        });
        native.Add("term_clear", _ => Do(screen.Clear));
        native.Add("term_clearLine", _ => Do(() => screen.ClearLine(screen.CursorY)));
        native.Add("term_scroll", a => Do(() => screen.Scroll((int)Arg.Int(a, 1))));
        native.Add("term_getSize", _ => [screen.Width, screen.Height]);
        native.Add("term_getCursorPos", _ => [screen.CursorX, screen.CursorY]);
        native.Add("term_setCursorPos", a => Do(() =>
        {
            screen.CursorX = (int)Math.Clamp(Arg.Int(a, 1), int.MinValue / 2, int.MaxValue / 2);
            screen.CursorY = (int)Math.Clamp(Arg.Int(a, 2), int.MinValue / 2, int.MaxValue / 2);
        }));
        native.Add("term_setCursorBlink", a => Do(() => screen.CursorBlink = Arg.OptBool(a, 1)));
        native.Add("term_getCursorBlink", _ => [screen.CursorBlink]);
        native.Add("term_setTextColour", a => Do(() => screen.TextColour = Colour(a, 1)));
        native.Add("term_getTextColour", _ => [screen.TextColour]);
        native.Add("term_setBackgroundColour", a => Do(() => screen.BackgroundColour = Colour(a, 1)));
        native.Add("term_getBackgroundColour", _ => [screen.BackgroundColour]);
        native.Add("term_setPaletteColour", a => Do(() => _palette[Colour(a, 1)] = RgbFrom(a)));
        native.Add("term_getPaletteColour", a => Rgb(_palette.TryGetValue(Colour(a, 1), out var c) ? c : (0, 0, 0)));
        native.Add("term_nativePaletteColour", a => Rgb(DefaultPalette().TryGetValue(Colour(a, 1), out var c) ? c : (0, 0, 0)));
    }

    private static (double, double, double) RgbFrom(LuaCallbackArgs a)
    {
        if (a.Count <= 2)
        {
            var hex = Arg.Int(a, 2);
            return (((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0);
        }
        return (Arg.Num(a, 2), Arg.Num(a, 3), Arg.Num(a, 4));
    }

    private static IReadOnlyList<LuaArg> Rgb((double R, double G, double B) c) =>
        [new LuaFloat(c.R), new LuaFloat(c.G), new LuaFloat(c.B)];

    /// <summary>A colour is one bit of 1..2^15; kernels pass it as a float (2^i).</summary>
    private static int Colour(LuaCallbackArgs a, int index)
    {
        var value = Arg.Int(a, index);
        if (value < 1 || value > 1 << 15 || (value & (value - 1)) != 0) throw Arg.Raise($"bad argument #{index} (invalid color {value})");
        return (int)value;
    }

    private static Dictionary<long, (double, double, double)> DefaultPalette()
    {
        uint[] rgb = [0xF0F0F0, 0xF2B233, 0xE57FD8, 0x99B2F2, 0xDEDE6C, 0x7FCC19, 0xF2B2CC, 0x4C4C4C,
            0x999999, 0x4C99B2, 0xB266E5, 0x3366CC, 0x7F664C, 0x57A64E, 0xCC4C4C, 0x111111];
        var palette = new Dictionary<long, (double, double, double)>();
        for (var i = 0; i < rgb.Length; i++)
        {
            palette[1L << i] = (((rgb[i] >> 16) & 0xff) / 255.0, ((rgb[i] >> 8) & 0xff) / 255.0, (rgb[i] & 0xff) / 255.0);
        }
        return palette;
    }

    private static IReadOnlyList<LuaArg> Do(Action action)
    {
        action();
        return NativeTable.None;
    }
}
