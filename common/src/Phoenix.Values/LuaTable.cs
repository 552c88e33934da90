using System.Text;

namespace Phoenix.Values;

/// <summary>
/// A Lua table as plain data. <see cref="Array"/> holds keys 1..<see cref="Length"/> (a nil entry is a hole), so
/// <c>{1, nil, 3}</c> and argument lists with trailing nils keep their shape. <see cref="Hash"/> holds every other
/// key; no key appears in both parts, and hash keys are never nil or NaN.
/// </summary>
public sealed class LuaTable : LuaValue
{
    public LuaTable(IEnumerable<LuaValue>? array = null, IEnumerable<KeyValuePair<LuaValue, LuaValue>>? hash = null)
    {
        Array = (array ?? []).ToArray();
        Hash = (hash ?? []).ToArray();
    }

    public IReadOnlyList<LuaValue> Array { get; }

    public IReadOnlyList<KeyValuePair<LuaValue, LuaValue>> Hash { get; }

    public int Length => Array.Count;

    public override string TypeName => "table";

    /// <summary>Builds a table with string keys only, for records such as options tables.</summary>
    public static LuaTable Record(params (string Key, LuaValue Value)[] fields) =>
        new(null, fields.Select(f => new KeyValuePair<LuaValue, LuaValue>(LuaString.From(f.Key), f.Value)));

    /// <summary>Looks up a key in either part; missing keys give nil.</summary>
    public LuaValue this[LuaValue key]
    {
        get
        {
            if (key is LuaInteger i && i.Value >= 1 && i.Value <= Array.Count) return Array[(int)i.Value - 1];
            foreach (var kv in Hash)
            {
                if (kv.Key.Equals(key)) return kv.Value;
            }
            return LuaNil.Instance;
        }
    }

    public override bool Equals(LuaValue? other)
    {
        if (other is not LuaTable t || t.Array.Count != Array.Count || t.Hash.Count != Hash.Count) return false;
        for (var i = 0; i < Array.Count; i++)
        {
            if (!Array[i].Equals(t.Array[i])) return false;
        }
        // Hash order is not significant: Lua's pairs order is unspecified.
        return Hash.All(kv => t.Hash.Any(o => o.Key.Equals(kv.Key) && o.Value.Equals(kv.Value)));
    }

    public override int GetHashCode() => HashCode.Combine(Array.Count, Hash.Count);

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        var parts = Array.Select(v => v.ToString())
            .Concat(Hash.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal).Select(kv => $"[{kv.Key}]={kv.Value}"));
        sb.AppendJoin(", ", parts);
        if (Array.Count > 0 && Array[^1] is LuaNil) sb.Append($" #={Array.Count}");
        return sb.Append('}').ToString();
    }
}
