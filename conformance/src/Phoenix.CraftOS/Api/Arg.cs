using Phoenix.Values;
using Phoenix.Lua;

namespace Phoenix.CraftOS.Api;

/// <summary>
/// Argument checks for the host's native functions, with CC's messages. Lua 5.4 splits numbers into integers and
/// floats, CC does not: every integer argument accepts an integral float (the kernel passes <c>2^i</c>, <c>x/1000</c>).
/// </summary>
public static class Arg
{
    public static string Str(LuaCallbackArgs args, int index) =>
        args[index] switch
        {
            LuaString s => s.Text,
            LuaInteger i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw Bad(args, index, "string"),
        };

    public static byte[] Bytes(LuaCallbackArgs args, int index) =>
        args[index] is LuaString s ? s.Bytes.ToArray() : throw Bad(args, index, "string");

    public static string? OptStr(LuaCallbackArgs args, int index) => args[index] is LuaNil ? null : Str(args, index);

    public static double Num(LuaCallbackArgs args, int index) =>
        args[index] switch
        {
            LuaInteger i => i.Value,
            LuaFloat f => f.Value,
            _ => throw Bad(args, index, "number"),
        };

    public static long Int(LuaCallbackArgs args, int index)
    {
        var value = Num(args, index);
        if (double.IsNaN(value) || double.IsInfinity(value)) throw Raise($"bad argument #{index} (number has no integer representation)");
        return args[index] is LuaInteger i ? i.Value : (long)Math.Floor(value);
    }

    public static long? OptInt(LuaCallbackArgs args, int index) => args[index] is LuaNil ? null : Int(args, index);

    public static bool OptBool(LuaCallbackArgs args, int index) => args[index] is LuaBoolean { Value: true };

    /// <summary>A Lua error raised in the caller, with its position (like error(msg, 2)).</summary>
    public static LuaRaiseException Raise(string message) => new(LuaString.From(message), addPosition: true);

    private static LuaRaiseException Bad(LuaCallbackArgs args, int index, string expected) =>
        Raise($"bad argument #{index} (expected {expected}, got {args.TypeOf(index)})");
}
