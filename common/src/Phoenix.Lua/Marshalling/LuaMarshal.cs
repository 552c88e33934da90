// Clauses: none (the Lua engine layer the kernel runs on)
// Mirrors: no Phoenix part (Phoenix runs on CraftOS's Lua)

using KeraLua;
using Phoenix.Values;
using LuaState = KeraLua.Lua;

namespace Phoenix.Lua.Marshalling;

/// <summary>
/// Moves plain data between the Lua stack and <see cref="LuaValue"/>. Strings stay bytes; integers and floats stay
/// apart; tables keep their array part with holes. Functions, coroutines, userdata and cycles come out as
/// <see cref="LuaOpaque"/> (type name only).
/// </summary>
internal static class LuaMarshal
{
    private const int MaxDepth = 100;

    /// <summary>Table entries one value may have in total. Lua can build a table whose shared subtables make its
    /// plain-data copy exponential ({t, t} forty times over); past this budget the copy stops with a Lua error
    /// instead of exhausting host memory.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>String bytes one value's copy may hold in total. A table can hold the same large string under many
    /// keys at no cost in Lua (strings are shared), while its copy holds one per key: 200 references to a 64 MiB
    /// string would ask the host for 12.8 GB. The limit is the default memory limit of a state.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>What one value's copy has used so far of <see cref="MaxEntries"/> and <see cref="MaxBytes"/>.</summary>
    private struct Budget
    {
        public int Entries;
        public long Bytes;
    }

    public static void Push(LuaState state, LuaValue value, int depth = 0)
    {
        if (depth > MaxDepth) throw new ArgumentException($"Value nested deeper than {MaxDepth} levels.", nameof(value));
        if (!state.CheckStack(4)) throw new InvalidOperationException("Lua stack overflow while pushing a value.");
        switch (value)
        {
            case LuaNil:
                state.PushNil();
                break;
            case LuaBoolean b:
                state.PushBoolean(b.Value);
                break;
            case LuaInteger i:
                state.PushInteger(i.Value);
                break;
            case LuaFloat f:
                state.PushNumber(f.Value);
                break;
            case LuaString s:
                state.PushBuffer(s.Bytes.ToArray());
                break;
            case LuaTable t:
                PushTable(state, t, depth);
                break;
            default:
                throw new ArgumentException($"A {value.TypeName} value cannot be passed into Lua as data.", nameof(value));
        }
    }

    private static void PushTable(LuaState state, LuaTable table, int depth)
    {
        state.CreateTable(table.Array.Count, table.Hash.Count);
        var tableIndex = state.GetTop();
        for (var i = 0; i < table.Array.Count; i++)
        {
            if (table.Array[i] is LuaNil) continue;
            Push(state, table.Array[i], depth + 1);
            state.RawSetInteger(tableIndex, i + 1);
        }
        foreach (var (key, val) in table.Hash)
        {
            if (key is LuaNil || (key is LuaFloat f && double.IsNaN(f.Value)))
            {
                throw new ArgumentException($"A table key cannot be {key}.", nameof(table));
            }
            Push(state, key, depth + 1);
            Push(state, val, depth + 1);
            state.RawSet(tableIndex);
        }
    }

    public static LuaValue Pull(LuaState state, int index)
    {
        var budget = new Budget();
        index = state.AbsIndex(index);
        // The path of tables being read exists only for tables: a scalar (most syscall values) allocates no set.
        return Pull(state, index, state.Type(index) == LuaType.Table ? new HashSet<IntPtr>() : null!, 0, ref budget);
    }

    private static LuaValue Pull(LuaState state, int index, HashSet<IntPtr> path, int depth, ref Budget budget)
    {
        switch (state.Type(index))
        {
            case LuaType.None:
            case LuaType.Nil:
                return LuaNil.Instance;
            case LuaType.Boolean:
                return new LuaBoolean(state.ToBoolean(index));
            case LuaType.Number:
                return state.IsInteger(index) ? new LuaInteger(state.ToInteger(index)) : new LuaFloat(state.ToNumber(index));
            case LuaType.String:
                // Checked before copying: the length is known without touching the bytes.
                budget.Bytes += (long)state.RawLen(index);
                if (budget.Bytes > MaxBytes) throw TooLarge($"more than {MaxBytes / (1024 * 1024)} MiB of strings");
                return new LuaString(state.ToBuffer(index, false));
            case LuaType.Table:
                return PullTable(state, index, path, depth, ref budget);
            case var other:
                return new LuaOpaque(state.TypeName(other));
        }
    }

    private static LuaValue PullTable(LuaState state, int index, HashSet<IntPtr> path, int depth, ref Budget budget)
    {
        var identity = state.ToPointer(index);
        if (depth > MaxDepth || !path.Add(identity)) return new LuaOpaque("table");
        if (!state.CheckStack(4)) throw new InvalidOperationException("Lua stack overflow while reading a table.");
        var integerKeyed = new SortedDictionary<long, LuaValue>();
        var other = new List<KeyValuePair<LuaValue, LuaValue>>();
        state.PushNil();
        while (state.Next(index))
        {
            if (++budget.Entries > MaxEntries)
            {
                state.Pop(2);
                path.Remove(identity);
                throw TooLarge($"more than {MaxEntries} table entries");
            }
            var value = Pull(state, state.GetTop(), path, depth + 1, ref budget);
            if (state.Type(-2) == LuaType.Number && state.IsInteger(-2) && state.ToInteger(-2) >= 1)
            {
                integerKeyed[state.ToInteger(-2)] = value;
            }
            else
            {
                other.Add(new(Pull(state, state.GetTop() - 1, path, depth + 1, ref budget), value));
            }
            state.Pop(1);
        }
        path.Remove(identity);
        var arrayLength = ArrayLength(integerKeyed.Keys);
        var array = new LuaValue[arrayLength];
        Array.Fill(array, LuaNil.Instance);
        foreach (var (key, value) in integerKeyed)
        {
            if (key <= arrayLength) array[key - 1] = value;
            else other.Add(new(new LuaInteger(key), value));
        }
        return new LuaTable(array, other);
    }

    private static LuaScriptException TooLarge(string what) =>
        new(LuaErrorKind.Runtime, LuaString.From($"value too large to cross into the host: {what}"), null);

    /// <summary>
    /// The array part is 1..K for the largest K at which at least half of the keys 1..K are present: dense lists with
    /// holes stay lists, while a lone key such as 1000 stays in the hash part. Lua itself cannot tell a trailing nil
    /// from absence, so K always ends on a present key.
    /// </summary>
    private static int ArrayLength(IEnumerable<long> sortedKeys)
    {
        long count = 0, length = 0;
        foreach (var key in sortedKeys)
        {
            count++;
            if (key > int.MaxValue / 2) break;
            if (count * 2 >= key) length = key;
        }
        return (int)length;
    }
}
