using Phoenix.Values;
using Phoenix.Conformance.Harness.Assertions;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>One call the recording filesystem (fixtures/FS-METHODS/recfs.lua) received.</summary>
/// <param name="Mount">The source string of the mount object that received it (nil for new).</param>
/// <param name="Args">The arguments after the process, with their exact count; indexing past them fails the rule.</param>
public sealed record RecordedCall(string Method, LuaValue Mount, bool SelfIsMount, LuaValue User, IReadOnlyList<LuaValue> Args,
    LuaValue SelfIsClass, LuaValue OptionsType, LuaValue ProcessType)
{
    public static RecordedCall From(LuaTable entry)
    {
        LuaValue Field(string name) => entry[LuaString.From(name)];
        var packed = Field("args") as LuaTable ?? new LuaTable();
        // recfs records table.pack's n; a count the kernel mangled is clamped rather than trusted.
        var count = packed[LuaString.From("n")] is LuaInteger n ? (int)Math.Clamp(n.Value, 0, 255) : packed.Length;
        var args = Enumerable.Range(1, count).Select(i => packed[new LuaInteger(i)]).ToArray();
        var method = Field("method") is LuaString m ? m.Text : Field("method").ToString();
        return new RecordedCall(method, Field("mount"), Field("selfIsMount") is LuaBoolean { Value: true },
            Field("user"), Check.Values(args, $"arguments the mount's {method} received"), Field("selfIsClass"), Field("optionsType"), Field("processType"));
    }

    public override string ToString() => $"{Method}@{Mount}({string.Join(", ", Args)}) by {User}";
}
