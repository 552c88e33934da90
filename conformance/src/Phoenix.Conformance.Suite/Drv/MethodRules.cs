using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Properties;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Drv;

/// <summary>DRV-METHOD-ARGS: "All methods take the node that's being operated on as the first argument. Methods also
/// take a second argument with the process that called the method, followed by any arguments passed to the method."
/// Methods are reached with devcall (facts §5.7).</summary>
public sealed class MethodRules
{
    [Clause("DRV-METHOD-ARGS")]
    public void Method_GetsNodeCallerProcessAndExactArguments_AndReturnsAllResults(RuleContext context)
    {
        using var kernel = Boot(context);
        LuaValue[] args = [1, LuaValue.Nil, new LuaString("x\0y"u8), 2.5, LuaValue.Nil];
        var result = kernel.DevCallAs("alice", "/left", "describe_alpha", args);
        var values = Check.Succeeds(result, "devcall(\"/left\", \"describe_alpha\", 1, nil, \"x\\0y\", 2.5, nil) as alice");
        Check.That(values.Count == 3 && values[1] == "second result" && values[2] is LuaNil, "results of describe_alpha",
            "all three results (table, \"second result\", nil)", $"({string.Join(", ", values)})");
        var seen = values.Table(0);
        Check.Equal("left", seen[LuaString.From("nodeId")], "node.id of the first argument");
        Check.Equal(true, seen[LuaString.From("nodeIsNode")], "first argument is the node (has internalState)");
        Check.Equal("table", seen[LuaString.From("processType")], "type of the second argument");
        Check.Equal("alice", seen[LuaString.From("user")], "process.user of the second argument");
        var pid = Check.Succeeds(kernel.Syscall("alice", "getpid"), "getpid as alice");
        Check.Equal(pid.Count > 0 ? pid[0] : LuaValue.Nil, seen[LuaString.From("pid")], "process.id of the second argument (alice's getpid)");
        AssertArguments(seen, args, "arguments after the process");
    }

    [Clause("DRV-METHOD-ARGS")]
    public void GeneratedArgumentLists_ReachTheMethodExactly(RuleContext context)
    {
        using var kernel = Boot(context);
        PropertyCheck.ForAll(context, LuaValueGenerators.ArgumentListArbitrary, args =>
        {
            var values = Check.Succeeds(kernel.DevCall("/back/net_0", "describe_beta", args), $"devcall describe_beta({string.Join(", ", args)})");
            Check.That(values.Count > 0 && values[0] is LuaTable, "describe_beta result", "a table", $"({string.Join(", ", values)})");
            AssertArguments(values.Table(0), args, $"arguments after the process for ({string.Join(", ", args)})");
        }, cases: 40);
    }

    [Clause("DRV-PROPERTIES")]
    public void PropertyList_NamesTheNodesProperties_AndTheirGettersAnswer(RuleContext context)
    {
        var image = BootImage.Empty.WithMyDriver(context).WithModule(context, "DRV-SHAPE/rootshape.lua", "rootshape")
            .WithPeripherals(Devices.MyDevice("left"), PeripheralSpec.Device("right", "computer")
                .WithMethod("getLabel", PeripheralMethod.Returns("neighbour")));
        using var kernel = context.Boot(image);
        Check.Returns(kernel.Syscall(Modules.Root, "devproperties", "/left"), [new LuaTable(["prop"])], "devproperties(\"/left\") with mydriver");
        Check.Returns(kernel.DevCall("/left", "getProp"), [42], "the getter of property prop (getProp)");
        // A kernel's own driver for computers may be bound to /right too (Phoenix's is), adding its properties.
        var properties = Check.Succeeds(kernel.Syscall(Modules.Root, "devproperties", "/right"), "devproperties(\"/right\") with the page's class");
        foreach (var property in new[] { "label", "id" })
        {
            Check.ListContains(properties.Count > 0 ? properties[0] : LuaValue.Nil, property, true, $"devproperties(\"/right\") lists the page's class property {property}");
        }
        Check.Returns(kernel.DevCall("/right", "getLabel"), ["neighbour"], "the getter of property label (getLabel)");
        var methods = Check.Succeeds(kernel.Syscall(Modules.Root, "devmethods", "/right"), "devmethods(\"/right\")");
        foreach (var accessor in new[] { "getLabel", "setLabel", "getId" })
        {
            Check.ListContains(methods.Count > 0 ? methods[0] : LuaValue.Nil, accessor, true, $"devmethods(\"/right\") lists the property accessor {accessor}");
        }
    }

    [Clause("DRV-PROPERTIES")]
    public void PropertySetterAndGetter_RoundTripThroughDevcall(RuleContext context)
    {
        using var kernel = Boot(context);
        Check.Succeeds(kernel.DevCall("/left", "setState", "on"), "devcall(\"/left\", \"setState\", \"on\")");
        Check.Returns(kernel.DevCall("/left", "getState"), ["on"], "devcall(\"/left\", \"getState\") after setState(\"on\")");
        Check.Returns(kernel.Syscall(Modules.Root, "devproperties", "/left"), [new LuaTable(["state"])], "devproperties(\"/left\") with rec_alpha");
    }

    private static IKernel Boot(RuleContext context) => context.Boot(BootImage.Empty.WithRecDrivers(context)
        .WithPeripherals(Devices.RecDevice("left", "alpha"), Devices.RecDevice("net_0", "beta").Behind("back")));

    private static void AssertArguments(LuaTable seen, IReadOnlyList<LuaValue> expected, string @case)
    {
        var packed = seen[LuaString.From("args")] as LuaTable;
        var count = packed?[LuaString.From("n")] is LuaInteger n ? (int)Math.Clamp(n.Value, -1, 255) : -1;
        var got = Enumerable.Range(1, Math.Max(count, 0)).Select(i => packed![new LuaInteger(i)]).ToArray();
        Check.That(count == expected.Count && got.SequenceEqual(expected), @case,
            $"({string.Join(", ", expected)}) [{expected.Count}]", $"({string.Join(", ", got)}) [{count}]");
    }
}
