using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Support;

/// <summary>One init or deinit the recording drivers (fixtures/DRV-METHOD-ARGS/recdrivers.lua) saw.</summary>
/// <param name="Id">node.id of the node it got.</param>
/// <param name="IsNode">Whether its first argument was a node (a table with internalState).</param>
/// <param name="Extra">How many arguments came after the node (the page passes only the node).</param>
public sealed record DriverEvent(string Event, string Driver, string Id, bool IsNode, long Extra)
{
    public static DriverEvent From(LuaTable entry)
    {
        string Text(string key) => entry[LuaString.From(key)] is LuaString s ? s.Text : entry[LuaString.From(key)].ToString();
        return new DriverEvent(Text("event"), Text("driver"), Text("id"), entry[LuaString.From("isNode")] is LuaBoolean { Value: true },
            entry[LuaString.From("extra")] is LuaInteger n ? n.Value : -1);
    }

    public override string ToString() => $"{Event} {Driver}@{Id}" + (IsNode ? "" : " (not a node)") + (Extra == 0 ? "" : $" +{Extra} args");
}
