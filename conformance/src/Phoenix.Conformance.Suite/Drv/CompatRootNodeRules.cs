using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>COMPAT: the root node's devinfo. Its id is the computer ID as a string, the root driver's init sets
/// metadata.id to the computer ID, a number (facts §5.1, §5.2), and its parent reads "/" (facts §5.7).</summary>
public sealed class CompatRootNodeRules
{
    [Clause("PX-DRV-DEVINFO-SHAPE")]
    public void RootNode_MetadataIdIsTheComputerIdAsANumber(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        var info = kernel.DevInfo("/");
        var id = info.TextField("id");
        Check.That(id is not null && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
            "devinfo(\"/\").id", "the computer ID as a string of digits", info[LuaString.From("id")].ToString());
        var metadata = info[LuaString.From("metadata")] as LuaTable;
        Check.Equal(new LuaInteger(long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture)), metadata?[LuaString.From("id")] ?? LuaValue.Nil,
            "devinfo(\"/\").metadata.id");
    }

    // The root has no parent; Phoenix's devinfo answers "/" for it as for the nodes under it (K 40-hardware devinfo).
    [Clause("PX-DRV-DEVINFO-SHAPE")]
    public void RootNode_ParentIsSlash(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty);
        Check.Equal("/", kernel.DevInfo("/")[LuaString.From("parent")], "devinfo(\"/\").parent");
    }
}
