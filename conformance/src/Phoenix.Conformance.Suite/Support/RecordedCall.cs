using Phoenix.Conformance.Abstractions.Values;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>One call the recording filesystem (fixtures/FS-METHODS/recfs.lua) received.</summary>
/// <param name="Mount">The source string of the mount object that received it (nil for new).</param>
/// <param name="Args">The arguments after the process, with their exact count.</param>
public sealed record RecordedCall(string Method, LuaValue Mount, bool SelfIsMount, LuaValue User, IReadOnlyList<LuaValue> Args,
    LuaValue SelfIsClass, LuaValue OptionsType, LuaValue ProcessType)
{
    public static RecordedCall From(LuaTable entry)
    {
        LuaValue Field(string name) => entry[LuaString.From(name)];
        var packed = Field("args") as LuaTable ?? new LuaTable();
        var count = packed[LuaString.From("n")] is LuaInteger n ? (int)n.Value : packed.Length;
        var args = Enumerable.Range(1, count).Select(i => packed[new LuaInteger(i)]).ToArray();
        return new RecordedCall(((LuaString)Field("method")).Text, Field("mount"), Field("selfIsMount") is LuaBoolean { Value: true },
            Field("user"), args, Field("selfIsClass"), Field("optionsType"), Field("processType"));
    }

    public override string ToString() => $"{Method}@{Mount}({string.Join(", ", Args)}) by {User}";
}
