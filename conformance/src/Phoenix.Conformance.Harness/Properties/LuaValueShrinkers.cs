using Phoenix.Values;

namespace Phoenix.Conformance.Harness.Properties;

/// <summary>
/// Shrinkers for <see cref="LuaValueGenerators"/>: they propose only values the generators could have made (canonical
/// tables, see there), so a shrunk counterexample is still a value that round-trips, and it keeps only what the failure
/// needs.
/// </summary>
public static class LuaValueShrinkers
{
    /// <summary>
    /// Shrinks towards smaller values that are still canonical: a table to one of its values, to itself without a hash
    /// entry or its last array value (kept only when still canonical), or with one value shrunk in place; a string to
    /// "" and shorter strings; an integer towards 0; a float towards 0.0 and 1.0, staying a float. A shrunk case keeps
    /// only what the failure needs, so "-0.0 in slot 3" shows as (-0.0), not as a 700-byte string next to it.
    /// </summary>
    public static IEnumerable<LuaValue> Shrink(LuaValue value) => value switch
    {
        LuaTable table => ShrinkTable(table),
        LuaString s => ShrinkBytes(s.Bytes.ToArray()).Select(b => (LuaValue)new LuaString(b)),
        LuaInteger i => ShrinkInteger(i.Value).Select(n => (LuaValue)new LuaInteger(n)),
        LuaFloat f => ShrinkDouble(f.Value).Select(d => (LuaValue)new LuaFloat(d)),
        LuaBoolean { Value: true } => [new LuaBoolean(false)],
        _ => [],
    };

    /// <summary>
    /// Shrinks an argument list: no arguments, the first half, one argument dropped, then one argument shrunk in place
    /// (any list is a valid argument list; nil stays nil, since a hole is what such lists are about).
    /// </summary>
    public static IEnumerable<LuaValue[]> ShrinkArguments(LuaValue[] list)
    {
        if (list.Length == 0) yield break;
        yield return [];
        if (list.Length > 2) yield return list[..(list.Length / 2)];
        for (var i = 0; i < list.Length; i++) yield return [.. list[..i], .. list[(i + 1)..]];
        for (var i = 0; i < list.Length; i++)
        {
            foreach (var smaller in Shrink(list[i])) yield return [.. list[..i], smaller, .. list[(i + 1)..]];
        }
    }

    private static IEnumerable<LuaValue> ShrinkTable(LuaTable table)
    {
        foreach (var child in table.Array.Where(v => v is not LuaNil)) yield return child;
        foreach (var entry in table.Hash) yield return entry.Value;
        for (var i = 0; i < table.Hash.Count; i++)
        {
            yield return new LuaTable(table.Array, table.Hash.Where((_, j) => j != i));
        }
        if (table.Array.Count > 0)
        {
            var shorter = table.Array.Take(table.Array.Count - 1).Reverse().SkipWhile(v => v is LuaNil).Reverse().ToArray();
            if (shorter.Count(v => v is not LuaNil) * 2 >= shorter.Length) yield return new LuaTable(shorter, table.Hash);
        }
        // In place: a value keeps its slot (holes stay holes) and a hash value its key, so the table stays canonical.
        for (var i = 0; i < table.Array.Count; i++)
        {
            foreach (var smaller in Shrink(table.Array[i]))
            {
                yield return new LuaTable(table.Array.Select((v, j) => j == i ? smaller : v), table.Hash);
            }
        }
        for (var i = 0; i < table.Hash.Count; i++)
        {
            foreach (var smaller in Shrink(table.Hash[i].Value))
            {
                yield return new LuaTable(table.Array, table.Hash.Select((kv, j) => j == i ? KeyValuePair.Create(kv.Key, smaller) : kv));
            }
        }
    }

    private static IEnumerable<byte[]> ShrinkBytes(byte[] bytes)
    {
        if (bytes.Length == 0) yield break;
        yield return [];
        if (bytes.Length > 1)
        {
            yield return bytes[..(bytes.Length / 2)];
            yield return bytes[(bytes.Length / 2)..];
        }
        // Dropping single bytes is worth it only once the string is short; halving gets it there.
        if (bytes.Length <= 8)
        {
            for (var i = 0; i < bytes.Length; i++) yield return [.. bytes[..i], .. bytes[(i + 1)..]];
        }
    }

    private static IEnumerable<long> ShrinkInteger(long n)
    {
        if (n == 0) yield break;
        yield return 0;
        if (n / 2 != 0) yield return n / 2;
        if (n < 0 && n != long.MinValue) yield return -n;
    }

    private static IEnumerable<double> ShrinkDouble(double d)
    {
        // Bitwise, as equality is: -0.0 shrinks to 0.0, and a NaN with a payload to the plain NaN.
        var bits = BitConverter.DoubleToInt64Bits(d);
        if (bits == 0) yield break;
        yield return 0.0;
        if (double.IsNaN(d))
        {
            if (bits != BitConverter.DoubleToInt64Bits(double.NaN)) yield return double.NaN;
            yield break;
        }
        if (double.IsInfinity(d) || d == 0) yield break;
        if (d != 1.0) yield return 1.0;
        var truncated = Math.Truncate(d);
        if (truncated != d) yield return truncated;
        if (Math.Abs(d) > 2) yield return Math.Truncate(d / 2);
    }
}
